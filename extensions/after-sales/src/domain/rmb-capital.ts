const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿'] as const;

/** Above 9999亿 the 万亿 group would need its own zero rules; no letter of ours gets near it. */
const MAX_YUAN = 10n ** 12n;

/**
 * An amount in whole fen (分), exact: decimal strings are read digit by digit and numbers by their
 * shortest decimal form, so '0.1' + '0.2' style float noise never shifts a cent. Rounds half up
 * at the third decimal. Negative, NaN, infinite or non-decimal input → RangeError.
 */
export function amountToFen(amount: number | string): bigint {
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`金额无效：${amount}`);
    // String() switches to exponent form below 1e-6 (0 fen) and from 1e21 (over the limit below).
    text = String(amount).includes('e') ? (amount < 1 ? '0' : String(MAX_YUAN)) : String(amount);
  } else {
    text = amount.trim();
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`金额无效：“${amount}”`);
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const fen = BigInt(match[1] + fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1n : 0n);
  if (fen >= MAX_YUAN * 100n) throw new RangeError(`金额超出可书写范围（须小于壹万亿元）：${amount}`);
  return fen;
}

/** The integer part in capitals: one 零 for any run of zeros before a non-zero digit, none at the end. */
function yuanInCapitals(yuan: bigint): string {
  const digits = yuan.toString();
  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[i]);
    const position = digits.length - 1 - i;
    if (digit === 0) {
      zeroPending = out !== '';
    } else {
      if (zeroPending) out += '零';
      out += DIGITS[digit]! + IN_GROUP[position % 4]!;
      zeroPending = false;
      groupHasDigit = true;
    }
    if (position % 4 === 0 && position > 0) {
      // An all-zero group (e.g. the 万 group of 1,0000,0001) gets no unit; its zeros stay pending.
      if (groupHasDigit) {
        out += GROUPS[position / 4]!;
        // 壹拾万 + 壹仟: zeros at the end of a group are not read when the next group starts at 仟.
        zeroPending = false;
      }
      groupHasDigit = false;
    }
  }
  return out;
}

/**
 * 人民币大写 per the rules for filling in bills (正确填写票据和结算凭证的基本规定):
 * 8000 → 人民币捌仟元整, 1234.56 → 人民币壹仟贰佰叁拾肆元伍角陆分, 100000.05 → 人民币壹拾万元零伍分.
 * 整 only when there are neither 角 nor 分; 0 → 人民币零元整. Negative or NaN → RangeError.
 */
export function amountInChineseCapitals(amount: number | string): string {
  const fen = amountToFen(amount);
  const yuan = fen / 100n;
  const jiao = Number((fen / 10n) % 10n);
  const fenDigit = Number(fen % 10n);
  if (jiao === 0 && fenDigit === 0) return `人民币${yuan === 0n ? '零' : yuanInCapitals(yuan)}元整`;

  let out = yuan === 0n ? '' : `${yuanInCapitals(yuan)}元`;
  if (jiao !== 0) out += `${DIGITS[jiao]}角`;
  // 壹元零伍分: the missing 角 is read as 零, except for an amount below one yuan (伍分).
  else if (yuan !== 0n) out += '零';
  if (fenDigit !== 0) out += `${DIGITS[fenDigit]}分`;
  return `人民币${out}`;
}
