// A compact way to write Directus collections and fields with their Chinese labels.
// `npm run snapshot:build` turns these into snapshots/schema.yaml through a real Directus.

const zh = (translation) => [{ language: 'zh-CN', translation }];

// One way to show a time everywhere (lists, forms, panels, workbench, letters): 2026-12-05 14:20.
// Directus's datetime display and interface take a date-fns pattern as `format`.
const DATE_TIME_FORMAT = 'yyyy-MM-dd HH:mm';
const DATE_FORMAT = 'yyyy-MM-dd';

function labelDisplay(choices) {
  return {
    display: 'labels',
    displayOptions: {
      showAsDot: false,
      choices: choices.map((ch) => ({
        text: ch.text,
        value: ch.value,
        ...(ch.color ? { foreground: '#FFFFFF', background: ch.color } : {}),
      })),
    },
  };
}

function field(
  key,
  label,
  type,
  {
    note,
    required,
    readonly,
    hidden,
    width,
    unique,
    indexed,
    nullable,
    defaultValue,
    maxLength,
    precision,
    scale,
    interface: iface,
    options,
    display,
    displayOptions,
    special,
    validation,
    validationMessage,
    group,
    conditions,
  } = {},
) {
  return {
    field: key,
    type,
    meta: {
      interface: iface ?? null,
      options: options ?? null,
      display: display ?? null,
      display_options: displayOptions ?? null,
      readonly: readonly ?? false,
      hidden: hidden ?? false,
      width: width ?? 'full',
      note: note ?? null,
      required: required ?? false,
      special: special ?? null,
      translations: zh(label),
      validation: validation ?? null,
      validation_message: validationMessage ?? null,
      group: group ?? null,
      conditions: conditions ?? null,
    },
    schema:
      type === 'alias'
        ? undefined
        : {
            is_nullable: nullable ?? !required,
            is_unique: unique ?? false,
            is_indexed: indexed ?? false,
            default_value: defaultValue ?? null,
            ...(maxLength ? { max_length: maxLength } : {}),
            ...(precision ? { numeric_precision: precision, numeric_scale: scale ?? 0 } : {}),
          },
  };
}

export const f = {
  id: () => ({
    field: 'id',
    type: 'integer',
    meta: { interface: 'input', readonly: true, hidden: true, translations: zh('编号') },
    schema: { is_primary_key: true, has_auto_increment: true },
  }),
  string: (key, label, o = {}) => field(key, label, 'string', { interface: 'input', maxLength: o.maxLength ?? 255, width: 'half', ...o }),
  text: (key, label, o = {}) => field(key, label, 'text', { interface: 'input-multiline', display: 'formatted-value', ...o }),
  integer: (key, label, o = {}) => field(key, label, 'integer', { interface: 'input', width: 'half', ...o }),
  money: (key, label, o = {}) =>
    field(key, label, 'decimal', {
      interface: 'input',
      precision: 14,
      scale: 2,
      width: 'half',
      options: { min: 0, placeholder: '元' },
      display: 'formatted-value',
      displayOptions: { format: true, suffix: ' 元' },
      validation: { _and: [{ [key]: { _gte: 0 } }] },
      validationMessage: `${label}不能为负数`,
      ...o,
    }),
  decimal: (key, label, o = {}) => field(key, label, 'decimal', { interface: 'input', precision: 10, scale: 2, width: 'half', ...o }),
  boolean: (key, label, o = {}) =>
    field(key, label, 'boolean', {
      interface: 'boolean',
      special: ['cast-boolean'],
      defaultValue: false,
      nullable: false,
      width: 'half',
      display: 'boolean',
      displayOptions: { labelOn: '是', labelOff: '否' },
      ...o,
      options: { label: o.checkboxLabel ?? label, ...(o.options ?? {}) },
    }),
  date: (key, label, o = {}) =>
    field(key, label, 'date', {
      interface: 'datetime',
      width: 'half',
      options: { format: DATE_FORMAT },
      display: 'datetime',
      displayOptions: { format: DATE_FORMAT },
      ...o,
    }),
  // An instant in time, stored in UTC, shown in the user's time zone.
  timestamp: (key, label, o = {}) =>
    field(key, label, 'timestamp', {
      interface: 'datetime',
      width: 'half',
      display: 'datetime',
      displayOptions: { format: DATE_TIME_FORMAT, use24: true },
      options: { use24: true, format: DATE_TIME_FORMAT },
      ...o,
    }),
  // Only the listed keys are stored: Directus checks the value against the choices on every write
  // (a key the UI does not offer would otherwise be saved as is through the API).
  select: (key, label, choices, o = {}) =>
    field(key, label, 'string', {
      interface: 'select-dropdown',
      options: { choices: choices.map(({ text, value }) => ({ text, value })) },
      maxLength: 64,
      width: 'half',
      validation: { _and: [{ [key]: { _in: [...choices.map(({ value }) => value), null] } }] },
      validationMessage: `${label}只能是：${choices.map(({ text }) => text).join('、')}`,
      ...labelDisplay(choices),
      ...o,
    }),
  multiSelect: (key, label, choices, o = {}) =>
    field(key, label, 'json', {
      interface: 'select-multiple-checkbox',
      options: { choices: choices.map(({ text, value }) => ({ text, value })) },
      special: ['cast-json'],
      ...labelDisplay(choices),
      ...o,
    }),
  json: (key, label, o = {}) =>
    field(key, label, 'json', { interface: 'input-code', options: { language: 'JSON' }, special: ['cast-json'], ...o }),
  m2o: (key, label, related, template, o = {}) => ({
    ...field(key, label, related.startsWith('directus_') ? 'uuid' : 'integer', {
      interface: 'select-dropdown-m2o',
      options: { template, enableCreate: false },
      display: 'related-values',
      displayOptions: { template },
      special: ['m2o'],
      width: 'half',
      indexed: true,
      ...o,
    }),
    relation: { related_collection: related, on_delete: o.onDelete ?? 'SET NULL' },
  }),
  o2m: (key, label, { collection, field: fk, template, ...o }) => ({
    ...field(key, label, 'alias', {
      interface: 'list-o2m',
      special: ['o2m'],
      options: { template, enableCreate: true, enableSelect: false, layout: 'table', fields: o.fields },
      display: 'related-values',
      displayOptions: { template },
      ...o,
    }),
    o2m: { collection, field: fk },
  }),
  divider: (key, label, o = {}) =>
    field(key, label, 'alias', {
      interface: 'presentation-divider',
      special: ['alias', 'no-data'],
      options: { title: label, icon: o.icon, inlineTitle: true },
      ...o,
    }),
  // The wording (话术) of 服务话术 for this form, rendered by the bundle's guidance interface.
  // `options.steps` shows only those steps (beside the field they concern), `options.exceptSteps` all but those.
  guidance: (key = 'guidance', label = '服务话术', options = null, o = {}) =>
    field(key, label, 'alias', {
      interface: 'after-sales-guidance',
      special: ['alias', 'no-data'],
      note: '话术在“规则配置 → 服务话术”中修改',
      options,
      ...o,
    }),
  // A saved report's number, review outcome, major-case flags and HQ deadline; keeps the clerk on a new report after save.
  intakeOutcome: (key = 'intake_outcome', label = '受理结果') =>
    field(key, label, 'alias', { interface: 'after-sales-intake-outcome', special: ['alias', 'no-data'] }),
  // Preview, issue and print a letter of this case, and list the letters issued (bundle interface).
  letters: (key, label, template) =>
    field(key, label, 'alias', { interface: 'after-sales-letters', special: ['alias', 'no-data'], options: { template } }),
  // The moves this user may make now (办理) and the readable step history (bundle interface).
  moves: (key, label) => field(key, label, 'alias', { interface: 'after-sales-moves', special: ['alias', 'no-data'] }),
  notice: (key, label, text, o = {}) =>
    field(key, label, 'alias', {
      interface: 'presentation-notice',
      special: ['alias', 'no-data'],
      options: { text, color: o.color ?? 'info', icon: o.icon ?? 'record_voice_over' },
      ...o,
    }),
};

// Audit columns Directus fills in itself; shown read-only at the bottom of every case form.
export const auditFields = () => [
  {
    ...f.m2o('user_created', '创建人', 'directus_users', '{{first_name}}{{last_name}}', {
      readonly: true,
      special: ['user-created'],
      width: 'half',
    }),
  },
  f.timestamp('date_created', '创建时间', { readonly: true, special: ['date-created'], width: 'half' }),
  {
    ...f.m2o('user_updated', '最后修改人', 'directus_users', '{{first_name}}{{last_name}}', {
      readonly: true,
      special: ['user-updated'],
      width: 'half',
    }),
  },
  f.timestamp('date_updated', '最后修改时间', { readonly: true, special: ['date-updated'], width: 'half' }),
];

export const archiveField = () =>
  f.boolean('archived', '已归档', { note: '归档后默认不在列表中显示；案件不删除，只归档。', checkboxLabel: '已归档' });

export function collection(
  key,
  { label, singular, plural, icon, color, note, folder, template, archive, sort, fields, hidden, sortField, singleton },
) {
  return {
    collection: key,
    meta: {
      icon,
      color: color ?? null,
      note: note ?? null,
      display_template: template ?? null,
      hidden: hidden ?? false,
      singleton: singleton ?? false,
      translations: [{ language: 'zh-CN', translation: label, singular: singular ?? label, plural: plural ?? label }],
      archive_field: archive ? 'archived' : null,
      archive_app_filter: true,
      archive_value: archive ? 'true' : null,
      unarchive_value: archive ? 'false' : null,
      sort_field: sortField ?? null,
      accountability: 'all',
      collapse: 'open',
      group: folder ?? null,
      sort: sort ?? null,
    },
    schema: {},
    fields,
  };
}

export function folder(key, { label, icon, color, sort, note }) {
  return {
    collection: key,
    meta: {
      icon,
      color: color ?? null,
      note: note ?? null,
      hidden: false,
      singleton: false,
      translations: [{ language: 'zh-CN', translation: label, singular: label, plural: label }],
      collapse: 'open',
      sort,
      accountability: 'all',
      group: null,
    },
    schema: null,
  };
}
