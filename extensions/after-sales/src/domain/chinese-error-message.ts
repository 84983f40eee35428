/**
 * Directus's own error messages are English. Staff and integrators of this console read Chinese:
 * this gives the Chinese message for an error code and its extensions (field, value, rule), or
 * null for codes it does not know (their message is kept). A field is named by its Chinese label
 * when `label` knows it (the key stays in `extensions.field` for integrators).
 */
export function chineseErrorMessage(
  code: string,
  extensions: Record<string, any> = {},
  label: (field: string) => string | undefined = () => undefined,
): string | null {
  const key = extensions['field'] ? String(extensions['field']) : null;
  const field = key ? `“${label(key) ?? key}”` : '该字段';
  switch (code) {
    case 'FORBIDDEN':
      return '没有执行此操作的权限：您的角色不能访问或修改该数据（或其中的字段）。';
    case 'INVALID_CREDENTIALS':
      return '邮箱或密码不正确。';
    case 'TOKEN_EXPIRED':
      return '登录已过期，请重新登录。';
    case 'INVALID_TOKEN':
      return '登录凭据无效，请重新登录。';
    case 'REQUESTS_EXCEEDED':
      return '请求过于频繁，请稍后再试。';
    case 'INTERNAL_SERVER_ERROR':
      return '服务器处理请求时出错，请稍后重试；如果一再出现，请联系管理员（服务器日志里有详细原因）。';
    case 'SERVICE_UNAVAILABLE':
      return '服务暂时不可用，请稍后重试。';
    case 'ROUTE_NOT_FOUND':
      return `接口 ${extensions['path'] ?? ''} 不存在。`;
    case 'RECORD_NOT_UNIQUE':
      return `${field}的值${extensions['value'] ? `“${extensions['value']}”` : ''}已存在，必须唯一。`;
    case 'NOT_NULL_VIOLATION':
      return `${field}不能为空。`;
    case 'INVALID_FOREIGN_KEY':
      return `${field}引用的记录${extensions['value'] ? `“${extensions['value']}”` : ''}不存在。`;
    case 'VALUE_TOO_LONG':
      return `${field}的值太长。`;
    case 'VALUE_OUT_OF_RANGE':
      return `${field}的数值超出允许范围。`;
    case 'INVALID_PAYLOAD':
      return `请求内容无效：${extensions['reason'] ?? ''}`;
    case 'INVALID_QUERY':
      return `查询参数无效：${extensions['reason'] ?? ''}`;
    case 'FAILED_VALIDATION':
      return `${field}${validationRule(extensions)}`;
    default:
      return null;
  }
}

function validationRule(extensions: Record<string, any>): string {
  const valid = extensions['valid'] !== undefined ? `（${JSON.stringify(extensions['valid'])}）` : '';
  switch (extensions['type']) {
    case 'required':
      return '为必填项。';
    case 'nnull':
      return '不能为空。';
    case 'regex':
      return '的格式不正确。';
    case 'email':
      return '不是有效的电子邮件地址。';
    case 'gte':
    case 'gt':
      return `的值太小，应${extensions['type'] === 'gte' ? '不小于' : '大于'}${valid}。`;
    case 'lte':
    case 'lt':
      return `的值太大，应${extensions['type'] === 'lte' ? '不大于' : '小于'}${valid}。`;
    case 'in': {
      const keys = Array.isArray(extensions['valid']) ? extensions['valid'].filter((key: unknown) => key !== null).join('、') : '';
      return `的值不在允许的选项中${keys ? `（可选：${keys}）` : ''}。`;
    }
    case 'eq':
      return `的值只能是${valid}。`;
    default:
      return `的值不符合规则 ${extensions['type'] ?? ''}${valid}。`;
  }
}

const CJK = /[\u4e00-\u9fff]/;

/** Where a message may find field labels: `collection.field` → label, and the collection the request was about. */
export interface ErrorLabels {
  labels: Map<string, string>;
  /** the request's collection, for errors that do not name theirs (FAILED_VALIDATION) */
  collection?: string | null;
}

/** Whether an error body names a field, i.e. whether its Chinese messages need the field labels. */
export function namesField(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) && errors.some((error) => error?.extensions?.field && !CJK.test(String(error?.message ?? '')));
}

/** Rewrites the messages of a Directus error body in Chinese, keeping the original as `message_en`. */
export function translateErrorBody(body: unknown, where: ErrorLabels = { labels: new Map() }): unknown {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { errors?: unknown }).errors)) return body;
  const errors = (body as { errors: { message?: string; extensions?: Record<string, any> }[] }).errors.map((error) => {
    if (!error.message || CJK.test(error.message)) return error;
    const extensions = error.extensions ?? {};
    const collection = extensions['collection'] ?? where.collection;
    const label = (field: string) => (collection ? where.labels.get(`${collection}.${field}`) : undefined);
    const chinese = chineseErrorMessage(String(extensions['code'] ?? ''), extensions, label);
    return chinese ? { ...error, message: chinese, extensions: { ...error.extensions, message_en: error.message } } : error;
  });
  return { ...body, errors };
}
