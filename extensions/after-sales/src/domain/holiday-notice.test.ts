import data from 'chinese-days/dist/chinese-days.json';
import { describe, expect, test } from 'vitest';
import { parseHolidayNotice } from './holiday-notice';

const HEADER = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知
国办发明电〔${year - 1}〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将${year}年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。`;
const FOOTER = `节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。
国务院办公厅
2025年11月4日`;

const NOTICES: Record<number, string> = {
  2024: `${HEADER(2024)}
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
${FOOTER}`,
  2025: `${HEADER(2025)}
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
${FOOTER}`,
  2026: `${HEADER(2026)}
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
${FOOTER}`,
};

const officialDays = (year: number) =>
  [
    ...Object.keys(data.holidays).map((date) => ({ date, is_workday: false })),
    ...Object.keys(data.workdays).map((date) => ({ date, is_workday: true })),
  ]
    .filter(({ date }) => date.startsWith(`${year}-`))
    .sort((a, b) => a.date.localeCompare(b.date));

describe('parseHolidayNotice', () => {
  test.each([2024, 2025, 2026])('the %i notice gives exactly the official days of chinese-days', (year) => {
    const notice = parseHolidayNotice(NOTICES[year]!);
    expect(notice.year).toBe(year);
    expect(notice.unparsed).toEqual([]);
    expect(notice.days.map(({ date, is_workday }) => ({ date, is_workday }))).toEqual(officialDays(year));
  });

  test('names holidays and make-up days after the line', () => {
    const { days } = parseHolidayNotice(NOTICES[2025]!);
    expect(days.find((day) => day.date === '2025-10-06')).toEqual({ date: '2025-10-06', is_workday: false, name: '国庆节、中秋节' });
    expect(days.find((day) => day.date === '2025-01-26')).toEqual({ date: '2025-01-26', is_workday: true, name: '春节调休上班' });
  });

  test.each([
    [
      '星期 and 补休',
      '一、元旦：1月1日放假，1月2日（星期一）补休。',
      2017,
      [
        ['2017-01-01', false],
        ['2017-01-02', false],
      ],
    ],
    [
      'a range across months',
      '七、国庆节：9月29日（周三）至10月6日（周三）放假调休，共8天。9月26日（周日）上班。',
      2027,
      [['2027-09-26', true], ...[29, 30].map((d) => [`2027-09-${d}`, false]), ...[1, 2, 3, 4, 5, 6].map((d) => [`2027-10-0${d}`, false])],
    ],
    [
      '元旦 across the turn of the year, years written',
      '一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。',
      2019,
      [
        ['2018-12-29', true],
        ['2018-12-30', false],
        ['2018-12-31', false],
        ['2019-01-01', false],
      ],
    ],
    [
      '元旦 across the turn of the year, weekdays decide',
      '一、元旦：12月31日（星期六）至1月2日（星期一）放假调休，共3天。',
      2023,
      [
        ['2022-12-31', false],
        ['2023-01-01', false],
        ['2023-01-02', false],
      ],
    ],
    [
      'a lunar date in brackets',
      '六、中秋节（农历八月十五）：9月15日（农历八月十五、周三）放假，与周末连休。',
      2027,
      [['2027-09-15', false]],
    ],
    ['a single day joined to the weekend', '三、清明节：4月5日放假，与周末连休。', 2027, [['2027-04-05', false]]],
  ])('%s', (_case, line, year, expected) => {
    const notice = parseHolidayNotice(`国务院办公厅关于${year}年部分节假日安排的通知\n${line}`);
    expect(notice.unparsed).toEqual([]);
    expect(notice.days.map((day) => [day.date, day.is_workday])).toEqual(expected);
  });

  test.each([
    ['an impossible date', '二、春节：2月30日至3月5日放假调休，共5天。'],
    ['a weekday that does not match', '一、元旦：1月1日（周三）至3日（周五）放假调休，共3天。'],
    ['a total that does not match', '三、清明节：4月3日至5日放假调休，共4天。'],
    ['a range without a month', '四、劳动节：1日至5日放假调休，共5天。'],
    ['a date with no arrangement word', '五、端午节：6月9日（周三）端午。'],
    ['Chinese numerals for dates', '国庆节十月一日至七日放假调休，10月9日上班'],
  ])('%s lands in unparsed, the rest is read', (_case, line) => {
    const notice = parseHolidayNotice(
      `国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n${line}`,
    );
    expect(notice.unparsed).toEqual([line]);
    expect(notice.days.map((day) => day.date)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
  });

  test('the year comes from the first date line, else the year after now', () => {
    expect(parseHolidayNotice('一、元旦：2027年1月1日（周五）至3日（周日）放假，共3天。').year).toBe(2027);
    expect(parseHolidayNotice('三、清明节：4月5日放假，与周末连休。', new Date('2026-11-20T02:00:00Z')).days).toEqual([
      { date: '2027-04-05', is_workday: false, name: '清明节' },
    ]);
    expect(parseHolidayNotice('三、清明节：4月5日放假，与周末连休。')).toEqual({
      year: null,
      days: [],
      unparsed: ['三、清明节：4月5日放假，与周末连休。'],
    });
  });
});
