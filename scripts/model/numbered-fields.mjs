// The numbers the server sets (extensions/after-sales/src/numbering/): each numbered collection, its Chinese
// name, and the one field its number is written to, with that field's label. 编号规则 (numbering_rules) may
// point only at these pairs: a rule on any other field would overwrite what staff typed there (统计月份 …).
// The data model offers them as its choices; the extension refuses any other pair (domain/numbered-fields.ts).

/** @type {readonly { collection: string; collectionLabel: string; field: string; label: string }[]} */
export const NUMBERED_FIELDS = [
  { collection: 'claim_reports', collectionLabel: '报案登记', field: 'report_no', label: '报案号' },
  { collection: 'claim_applications', collectionLabel: '理赔申请', field: 'application_no', label: '申请编号' },
  { collection: 'surrender_requests', collectionLabel: '退保申请', field: 'request_no', label: '申请编号' },
  { collection: 'endorsement_requests', collectionLabel: '批改申请', field: 'request_no', label: '申请编号' },
  { collection: 'complaints', collectionLabel: '客户抱怨处理表', field: 'complaint_no', label: '投诉编号' },
  { collection: 'urge_notices', collectionLabel: '催办单', field: 'notice_no', label: '催办单号' },
  { collection: 'overdue_inquiries', collectionLabel: '洽办单', field: 'inquiry_no', label: '洽办单号' },
  { collection: 'petitions', collectionLabel: '签呈', field: 'petition_no', label: '签呈编号' },
  { collection: 'letters', collectionLabel: '文书', field: 'letter_no', label: '文书编号' },
];

/** 单据: the numbered collections, as choices. */
export const NUMBERED_COLLECTION_CHOICES = NUMBERED_FIELDS.map(({ collection, collectionLabel }) => ({
  value: collection,
  text: collectionLabel,
}));

/** 编号字段: each numbered field once, labelled with the collections numbered in it (申请编号 serves two). */
export const NUMBERED_FIELD_CHOICES = [...new Set(NUMBERED_FIELDS.map(({ field }) => field))].map((field) => {
  const owners = NUMBERED_FIELDS.filter((pair) => pair.field === field);
  return { value: field, text: `${owners[0]?.label}（${owners.map((pair) => pair.collectionLabel).join('、')}）` };
});
