import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, describe, expect, test } from 'vitest';
import { registerLetterHelpers } from '../../extensions/after-sales/src/letters/letter-helpers';
import { LetterTemplateError, renderLetter } from '../../extensions/after-sales/src/letters/render-letter';
import { company, letter, rejection } from '../helpers/letter-contexts.mjs';

const templatesDir = path.resolve(__dirname, '../../templates');
const timeZone = 'Asia/Shanghai';

const complaintReply = {
  company,
  letter,
  complaint: {
    complaint_no: 'TS2026110003',
    customer_name: '陈美玲',
    demand: '要求退还多收的保费。',
    reason: '续保时保费计算有误',
    gm_opinion: '经核实，续保保费确有多收，同意退还多收部分。',
    approved_opinion: '经核实，续保保费确有多收，同意退还多收部分。',
    negotiation_result: '客户同意退还8000元',
    offer_amount: '8000.00',
    approved_amount: '8000.00',
    registered_at: '2026-11-03T01:20:00Z',
    closed_at: null,
  },
};

const urgeNotice = {
  company,
  letter,
  notice: {
    notice_no: 'CB2026110012',
    collection: 'complaints',
    case_no: 'TS2026110003',
    department: 'operations',
    due_at: '2026-11-24T10:00:00Z',
    issued_at: '2026-11-25T01:05:00Z',
    reason: '运营部调查已超过规定时限，请于当日内完成调查报告。',
  },
};

const overdueInquiry = {
  company,
  letter,
  inquiry: {
    inquiry_no: 'QB2026110002',
    complaint_no: 'TS2026110003',
    department: 'tech',
    stage: 'tech_analysis',
    overdue_by: 26,
    issued_at: '2026-11-25T03:00:00Z',
    reply: null as string | null,
  },
};

const FIXTURES: Record<string, Record<string, unknown>> = {
  rejection_notice: rejection,
  complaint_reply: complaintReply,
  urge_notice: urgeNotice,
  overdue_inquiry: overdueInquiry,
};

function render(template: string, context: Record<string, unknown>, dir = templatesDir): string {
  return renderLetter({ template, context, templatesDir: dir, timeZone }).html;
}

/** The error renderLetter throws, for asserting on its fields. */
function failure(template: string, context: Record<string, unknown>, dir = templatesDir): LetterTemplateError {
  try {
    render(template, context, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(LetterTemplateError);
    return error as LetterTemplateError;
  }
  throw new Error(`${template} rendered without error`);
}

describe.each(Object.entries(FIXTURES))('%s', (template, context) => {
  test('is a full Chinese HTML document styled for A4 with the letterhead', () => {
    const html = render(template, context);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('@page { size: A4; margin: 20mm 18mm; }');
    expect(html).toContain('华安保险代理有限公司');
    expect(html).toContain('电话：021-5888 6666');
    expect(html).toContain('文书编号：WS2026110001');
  });

  test('a missing field fails the letter, naming the template and the field', () => {
    const { company: _dropped, ...withoutCompany } = context;
    const error = failure(template, withoutCompany);
    expect(error.template).toBe(template);
    expect(error.message).toContain(`文书模板 ${template} 无法生成`);
    expect(error.detail).toContain('"company"');
  });
});

describe('rejection_notice (不予受理通知书)', () => {
  test('addresses the insured and names the report and the policy', () => {
    const html = render('rejection_notice', rejection);
    expect(html).toContain('<title>不予受理通知书 WS2026110001</title>');
    expect(html).toContain('尊敬的 王建国：');
    expect(html).toContain('报案编号：BA20261120007');
    expect(html).toContain('保险单号：PA2025310000123');
    expect(html).toContain('2026年11月18日在上海市闵行区七莘路与顾戴路交叉口因疾病出险：被保险人突发急性阑尾炎，送医手术治疗。');
  });

  test('each reason is printed in Chinese with the facts behind it', () => {
    const html = render('rejection_notice', rejection);
    expect(html).toContain('出险日期不在保险期间内');
    expect(html).toContain('出险日期：2026年11月18日；保险期间：2025年1月1日至2025年12月31日。');
    expect(html).toContain('出险原因不属保障范围');
    expect(html).toContain('出险原因：疾病；《团体意外伤害保险》保障的出险原因：意外事故、交通事故。');
    expect(html).not.toContain('保单已失效或终止');
    expect(html).not.toContain('已超过申请时效');
    expect(html).not.toMatch(/out_of_period|cause_not_covered|illness/);
  });

  test('a lapsed policy shows its status and end date; a time-barred report its dates and the limit', () => {
    const html = render('rejection_notice', {
      ...rejection,
      report: { ...rejection.report, incident_cause: 'accident', rejection_reasons: ['policy_lapsed', 'time_barred'] },
      policy: { ...rejection.policy, status: 'lapsed', terminated_at: '2025-10-01' },
      product: { ...rejection.product, claim_time_limit_days: 3 },
    });
    expect(html).toContain('保单已失效或终止。</strong><span class="facts">保单状态：失效；失效/终止日期：2025年10月1日。');
    expect(html).toContain(
      '已超过申请时效。</strong><span class="facts">出险日期：2026年11月18日；报案日期：2026年11月20日；申请时效：自出险之日起 3 天。',
    );
  });

  test('a policy without an end date prints no empty 失效/终止日期', () => {
    const html = render('rejection_notice', {
      ...rejection,
      report: { ...rejection.report, rejection_reasons: ['policy_lapsed'] },
      policy: { ...rejection.policy, status: 'surrendered' },
    });
    expect(html).toContain('保单状态：已退保。');
    expect(html).not.toContain('失效/终止日期');
  });

  test('without a policy or product the letter still prints (strict mode does not trip on null)', () => {
    const html = render('rejection_notice', {
      ...rejection,
      report: { ...rejection.report, rejection_reasons: ['cause_not_covered', 'time_barred'] },
      policy: null,
      product: null,
    });
    expect(html).not.toContain('保险单号');
    expect(html).toContain('出险原因：疾病。');
    expect(html).toContain('报案日期：2026年11月20日。');
  });

  test('lists the returned originals, or says none were taken', () => {
    expect(render('rejection_notice', rejection)).toContain('相关资料已复印存档，原件已返还您本人：保险单正本、身份证件原件。');
    const none = render('rejection_notice', { ...rejection, materials: [] });
    expect(none).toContain('本次未收取原件');
    expect(none).not.toContain('原件已返还');
  });

  test('tells how to object, and is signed and dated in the business time zone', () => {
    const html = render('rejection_notice', rejection);
    expect(html).toContain(
      '如对本通知有疑问或异议，可于收到本通知之日起三十日内致电 021-5888 6666 或来函至 上海市浦东新区世纪大道100号12楼',
    );
    // 2026-11-25T16:30:00Z is already the 26th in Shanghai.
    expect(html).toContain('<p class="sign-date">2026年11月26日</p>');
    expect(html).toContain('<p class="signer-unit">理赔服务部</p>');
    expect(html).toContain('（盖章）');
  });

  test('the 落款 line under the company name is optional', () => {
    const html = render('rejection_notice', { ...rejection, company: { ...company, seal_text: null } });
    expect(html).not.toContain('class="signer-unit"');
    expect(html).toContain('（盖章）');
  });

  test('customer data is escaped', () => {
    const html = render('rejection_notice', { ...rejection, report: { ...rejection.report, insured_name: '<script>alert(1)</script>' } });
    expect(html).toContain('尊敬的 &lt;script&gt;alert(1)&lt;/script&gt;：');
    expect(html).not.toContain('<script>');
  });

  test('an unknown reason or cause key fails instead of printing the key', () => {
    const unknownReason = failure('rejection_notice', {
      ...rejection,
      report: { ...rejection.report, rejection_reasons: ['bad_weather'] },
    });
    expect(unknownReason.detail).toContain('rejection_reason');
    expect(unknownReason.detail).toContain('bad_weather');
    expect(failure('rejection_notice', { ...rejection, report: { ...rejection.report, incident_cause: 'meteor' } }).detail).toContain(
      'meteor',
    );
  });

  test('a field missing deep in the context is named', () => {
    const { policy_no: _dropped, ...policy } = rejection.policy;
    const error = failure('rejection_notice', { ...rejection, policy });
    expect(error.message).toContain('rejection_notice');
    expect(error.detail).toContain('"policy.policy_no"');
    expect(error.detail).toContain('letters/rejection_notice.hbs');
  });

  test('a missing helper argument fails too (Handlebars alone would print a blank date)', () => {
    const { incident_at: _dropped, ...report } = rejection.report;
    expect(failure('rejection_notice', { ...rejection, report }).detail).toContain('"report.incident_at"');
  });

  test('a field missing in a partial names the partial', () => {
    const { phone: _dropped, ...noPhone } = company;
    const error = failure('rejection_notice', { ...rejection, company: noPhone });
    expect(error.detail).toContain('letters/partials/letterhead.hbs');
    expect(error.detail).toContain('"company.phone"');
  });
});

describe('complaint_reply (投诉答复函)', () => {
  test('restates the complaint and its outcome, with the amount in figures and in capitals', () => {
    const html = render('complaint_reply', complaintReply);
    expect(html).toContain('尊敬的 陈美玲：');
    expect(html).toContain('您于2026年11月3日向本公司提出的投诉（投诉编号：TS2026110003）');
    expect(html).toContain('要求退还多收的保费。');
    expect(html).toContain('经核实，续保保费确有多收，同意退还多收部分。');
    expect(html).toContain('8,000.00 元');
    expect(html).toContain('人民币捌仟元整');
  });

  test.each([[null], [0], ['0.00']])('no amount paragraph when the approved amount is %s', (approved_amount) => {
    const html = render('complaint_reply', { ...complaintReply, complaint: { ...complaintReply.complaint, approved_amount } });
    expect(html).not.toContain('人民币');
    expect(html).not.toContain('支付款项');
  });

  test('states the approved amount and opinion, not a later unapproved one (Art. 13.10)', () => {
    const html = render('complaint_reply', {
      ...complaintReply,
      complaint: { ...complaintReply.complaint, offer_amount: '90000.00', gm_opinion: '全额赔付' },
    });
    expect(html).toContain('人民币捌仟元整');
    expect(html).not.toContain('90,000');
    expect(html).not.toContain('全额赔付');
  });

  test('prints no internal findings', () => {
    const html = render('complaint_reply', complaintReply);
    expect(html).not.toContain('续保时保费计算有误');
    expect(html).not.toContain('客户同意退还8000元');
    expect(html).not.toMatch(/责任|处罚|内部文件/);
  });
});

describe('internal forms', () => {
  test('urge_notice (催办单) is stamped internal and carries the case, deadline and a receipt', () => {
    const html = render('urge_notice', urgeNotice);
    expect(html).toContain('内部文件 · 不得外传');
    expect(html).toContain('<th>催办单号</th><td>CB2026110012</td>');
    expect(html).toContain('<th>被催办部门</th><td>运营部</td>');
    expect(html).toContain('<th>案件</th><td>客户抱怨处理表　TS2026110003</td>');
    expect(html).toContain('<th>原定期限</th><td>2026-11-24 18:00</td>');
    expect(html).toContain('<th>开立时间</th><td>2026-11-25 09:05</td>');
    expect(html).toContain('运营部调查已超过规定时限');
    expect(html).toContain('签发部门：总经理室');
    expect(html).toContain('回执');
    expect(html).toContain('部门签收');
  });

  test('overdue_inquiry (洽办单) is stamped internal; blank lines until the department replies', () => {
    const blank = render('overdue_inquiry', overdueInquiry);
    expect(blank).toContain('内部文件');
    expect(blank).toContain('<th>洽办单号</th><td>QB2026110002</td>');
    expect(blank).toContain('<th>投诉编号</th><td>TS2026110003</td>');
    expect(blank).toContain('<th>逾期部门</th><td>技术部</td>');
    expect(blank).toContain('<th>逾期阶段</th><td>技术部分析</td>');
    expect(blank).toContain('逾期 26 小时');
    expect(blank).toContain('<th>开立时间</th><td>2026-11-25 11:00</td>');
    expect(blank).toContain('class="write-line"');

    const replied = render('overdue_inquiry', {
      ...overdueInquiry,
      inquiry: { ...overdueInquiry.inquiry, reply: '等待厂商检测报告，已于次日补交。' },
    });
    expect(replied).toContain('等待厂商检测报告，已于次日补交。');
    expect(replied).not.toContain('class="write-line"');
  });

  test('customer letters carry no internal stamp', () => {
    expect(render('rejection_notice', rejection)).not.toContain('内部文件');
    expect(render('complaint_reply', complaintReply)).not.toContain('内部文件');
  });
});

describe('helpers', () => {
  const hb = Handlebars.create();
  registerLetterHelpers(hb, timeZone);
  const run = (source: string, value: unknown): string => hb.compile(source, { strict: true })({ value });

  test.each<[string, unknown, string]>([
    ['{{cnDate value}}', '2026-01-01', '2026年1月1日'],
    ['{{cnDate value}}', '2026-11-25T16:30:00Z', '2026年11月26日'],
    ['{{cnDate value}}', '2026-11-25T16:30:00.000+08:00', '2026年11月25日'],
    ['{{cnDate value}}', null, ''],
    ['{{cnDateTime value}}', '2026-11-25T16:30:00Z', '2026-11-26 00:30'],
    ['{{cnDateTime value}}', '2026-03-05T06:07:00Z', '2026-03-05 14:07'],
    ['{{cnDateTime value}}', '', ''],
    ['{{money value}}', 8000, '8,000.00 元'],
    ['{{money value}}', '8000.00', '8,000.00 元'],
    ['{{money value}}', '1234567.5', '1,234,567.50 元'],
    ['{{money value}}', 0.1 + 0.2, '0.30 元'],
    ['{{money value}}', null, ''],
    ['{{rmb value}}', '8000.00', '人民币捌仟元整'],
    ['{{label "channel" value}}', 'fax', '传真'],
    ['{{label "department" value}}', 'gm_office', '总经理室'],
    ['{{#if (eq value "a")}}yes{{else}}no{{/if}}', 'a', 'yes'],
    ['{{#if (eq value 1)}}yes{{else}}no{{/if}}', '1', 'no'],
    ['{{join value "、"}}', ['保险单正本', '身份证件'], '保险单正本、身份证件'],
    ['{{join value "、"}}', [], ''],
  ])('%s with %j → %j', (source, value, expected) => {
    expect(run(source, value)).toBe(expected);
  });

  test.each<[string, unknown, RegExp]>([
    ['{{rmb value}}', null, /rmb 需要金额/],
    ['{{rmb value}}', -1, /金额无效/],
    ['{{money value}}', 'abc', /金额无效/],
    ['{{label "cause" value}}', 'meteor', /cause.*meteor/],
    ['{{label "colour" value}}', 'red', /colour.*red/],
    ['{{label "cause" value}}', 'toString', /toString/],
    ['{{cnDate value}}', '2026-11-25T16:30:00', /无法识别的时间/],
    ['{{cnDateTime value}}', '2026-11-25', /无法识别的时间/],
    ['{{join value}}', ['a'], /join/],
  ])('%s with %j throws', (source, value, message) => {
    expect(() => run(source, value)).toThrow(message);
  });

  test('an unknown time zone is refused up front', () => {
    expect(() => registerLetterHelpers(Handlebars.create(), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('template names and versions', () => {
  test.each(['no_such_letter', '../x', 'letters/rejection_notice', 'Rejection_Notice', ''])('%j is refused', (template) => {
    expect(failure(template, rejection).template).toBe(template);
  });

  test('an unknown template names the missing file', () => {
    expect(failure('no_such_letter', rejection).detail).toContain('letters/no_such_letter.hbs');
  });

  describe('with a copy of the templates', () => {
    let copy = '';
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    test('the version is stable, and changes when a partial changes', () => {
      copy = mkdtempSync(path.join(tmpdir(), 'letters-'));
      cpSync(templatesDir, copy, { recursive: true });
      const first = renderLetter({ template: 'rejection_notice', context: rejection, templatesDir: copy, timeZone });
      const again = renderLetter({ template: 'rejection_notice', context: rejection, templatesDir: copy, timeZone });
      expect(first.version).toMatch(/^[0-9a-f]{16}$/);
      expect(again.version).toBe(first.version);
      expect(renderLetter({ template: 'rejection_notice', context: rejection, templatesDir, timeZone }).version).toBe(first.version);

      writeFileSync(path.join(copy, 'letters/partials/letterhead.hbs'), '<header>{{company.name}}</header>\n');
      const changed = renderLetter({ template: 'rejection_notice', context: rejection, templatesDir: copy, timeZone });
      expect(changed.version).not.toBe(first.version);
      expect(changed.html).toContain('<header>华安保险代理有限公司</header>');
    });

    test('an edited, added or removed template or partial prints at once', () => {
      copy = mkdtempSync(path.join(tmpdir(), 'letters-'));
      cpSync(templatesDir, copy, { recursive: true });
      const letter = path.join(copy, 'letters/edited_letter.hbs');
      const render = () => renderLetter({ template: 'edited_letter', context: complaintReply, templatesDir: copy, timeZone }).html;
      // Back to back, the same length: only the content differs.
      writeFileSync(letter, '<p>A {{complaint.complaint_no}}</p>\n');
      expect(render()).toBe(`<p>A ${complaintReply.complaint.complaint_no}</p>\n`);
      writeFileSync(letter, '<p>B {{complaint.complaint_no}}</p>\n');
      expect(render()).toBe(`<p>B ${complaintReply.complaint.complaint_no}</p>\n`);
      // A partial added, then removed.
      writeFileSync(letter, '<p>{{> extra}}</p>\n');
      expect(() => render()).toThrow(LetterTemplateError);
      writeFileSync(path.join(copy, 'letters/partials/extra.hbs'), '附加段落');
      expect(render()).toBe('<p>附加段落</p>\n');
      rmSync(path.join(copy, 'letters/partials/extra.hbs'));
      expect(() => render()).toThrow(LetterTemplateError);
      rmSync(letter);
      expect(() => render()).toThrow(/letters\/edited_letter\.hbs/);
    });

    test('an unknown helper in a template is named', () => {
      copy = mkdtempSync(path.join(tmpdir(), 'letters-'));
      cpSync(templatesDir, copy, { recursive: true });
      writeFileSync(path.join(copy, 'letters/broken_letter.hbs'), '<p>{{cnMoney complaint.offer_amount}}</p>\n');
      const error = failure('broken_letter', complaintReply, copy);
      expect(error.detail).toContain('"cnMoney"');
    });
  });
});
