import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CheckInSchema, type Questionnaire } from '../../../src/shared/protocol';
import { DEFAULT_QUESTIONNAIRE, yesNoQuestionIds } from '../../../src/shared/questionnaire/default';
import {
  assessDeclaration,
  assessVisitorDeclaration,
  daysBetween,
  isClear,
  riskKindsOf,
  riskQuestions,
  riskSignals,
  toRiskFlags,
  type RiskRules,
} from '../../../src/shared/risk/evaluate';
import {
  encodeVisitorCode,
  encodeVisitorCodeV1,
  flagsFromAnswers,
  parseVisitorCode,
} from '../../../src/shared/scan/visitor-code';

const rules: RiskRules = { questionnaire: DEFAULT_QUESTIONNAIRE, today: '2026-12-01', validDays: 1 };
const yesTo = (...ids: string[]) =>
  flagsFromAnswers(yesNoQuestionIds(DEFAULT_QUESTIONNAIRE).map((id) => ids.includes(id)));

describe('risk questions', () => {
  it('are the symptoms and exposures of the default questionnaire, with their short words', () => {
    const signals = riskQuestions(DEFAULT_QUESTIONNAIRE);
    expect(signals.filter((s) => s.kind === 'symptom').map((s) => s.label.vi)).toEqual([
      'sốt',
      'ho',
      'khó thở',
      'đau họng',
      'buồn nôn',
      'tiêu chảy',
      'mất vị giác, khứu giác',
      'triệu chứng khác',
    ]);
    expect(signals.filter((s) => s.kind === 'exposure').map((s) => s.label.vi)).toEqual([
      'Tiếp xúc ca bệnh',
      'Từ vùng có dịch',
      'Đến chợ động vật sống',
    ]);
    expect(signals.map((s) => s.id)).not.toContain('consent');
  });

  it('follow the district: a question it marks counts, one it unmarks does not', () => {
    const q: Questionnaire = {
      version: 5,
      questions: [
        { id: 'fever', kind: 'yesno', group: 'symptoms', label: { vi: 'Sốt', en: 'Fever' } },
        { id: 'rash', kind: 'yesno', group: 'symptoms', label: { vi: 'Phát ban', en: 'Rash' }, risk: 'symptom' },
      ],
    };
    const a = assessDeclaration(
      { version: 5, date: '2026-12-01', answers: { fever: true, rash: true } },
      { ...rules, questionnaire: q },
    );
    expect(a.signals.map((s) => s.id)).toEqual(['rash']);
    expect(a.signals[0]?.label.vi).toBe('Phát ban');
  });

  it('borrow the default marks for a questionnaire saved before marks existed', () => {
    const old: Questionnaire = {
      version: 3,
      questions: DEFAULT_QUESTIONNAIRE.questions.map(({ risk: _r, riskLabel: _l, ...q }) => q),
    };
    const a = assessDeclaration(
      { version: 3, date: '2026-12-01', answers: { cough: true, consent: true } },
      { ...rules, questionnaire: old },
    );
    expect(a.signals.map((s) => s.label.vi)).toEqual(['ho']);
  });
});

describe('assessDeclaration', () => {
  it('finds symptoms and exposures answered yes and refuses the green tick', () => {
    const a = assessDeclaration(
      { version: 1, date: '2026-12-01', answers: { fever: true, cough: true, contact_case: true, consent: true } },
      rules,
    );
    expect(a.status).toBe('current');
    expect(a.kinds).toEqual(['symptom', 'exposure']);
    expect(a.signals.map((s) => s.id)).toEqual(['fever', 'cough', 'contact_case']);
    expect(isClear(a)).toBe(false);
  });

  it('gives the green tick only to a current declaration with no signal', () => {
    expect(
      isClear(assessDeclaration({ version: 1, date: '2026-12-01', answers: { fever: false, consent: true } }, rules)),
    ).toBe(true);
  });

  it('says stale with the age in days, by the district limit', () => {
    const week = assessDeclaration({ version: 1, date: '2026-11-24', answers: {} }, rules);
    expect(week).toMatchObject({ status: 'stale', ageDays: 7 });
    expect(isClear(week)).toBe(false);
    expect(assessDeclaration({ version: 1, date: '2026-11-30', answers: {} }, rules).status).toBe('stale');
    expect(assessDeclaration({ version: 1, date: '2026-11-30', answers: {} }, { ...rules, validDays: 2 }).status).toBe(
      'current',
    );
    // A declaration dated tomorrow (a phone clock ahead) counts as today's.
    expect(assessDeclaration({ version: 1, date: '2026-12-02', answers: {} }, rules)).toMatchObject({
      status: 'current',
      ageDays: 0,
    });
  });

  it('says missing without a declaration', () => {
    expect(assessDeclaration(null, rules)).toMatchObject({ status: 'missing', ageDays: null, kinds: [] });
    expect(toRiskFlags(assessDeclaration(null, rules))).toEqual({ status: 'missing', kinds: [], signals: [] });
  });

  it('cannot read a personal-QR mask of another version', () => {
    const a = assessDeclaration({ version: 9, date: '2026-12-01', answers: { yesMask: 3 } }, rules);
    expect(a.unknownAnswers).toBe(true);
    expect(isClear(a)).toBe(false);
  });
});

describe('a positive test (a choice, not a yes/no question)', () => {
  const declared = (testResult: string) => ({ version: 1, date: '2026-12-01', answers: { test_result: testResult } });

  it('is a risk signal: no green tick, its own words at the door, flags the server can read', () => {
    const a = assessDeclaration(declared('positive'), rules);
    expect(isClear(a)).toBe(false);
    expect(a.signals.map((s) => s.label.vi)).toEqual(['Xét nghiệm dương tính']);
    expect(toRiskFlags(a)).toEqual({ status: 'current', ageDays: 0, kinds: ['exposure'], signals: ['test_result'] });
    expect(v.safeParse(CheckInSchema.entries.risk, toRiskFlags(a)).success).toBe(true);
    expect(isClear(assessDeclaration(declared('negative'), rules))).toBe(true);
    expect(isClear(assessDeclaration(declared('none'), rules))).toBe(true);
    // The stored flags read back to the same words (a check-in's card on the guard's list).
    expect(riskSignals(DEFAULT_QUESTIONNAIRE).find((s) => s.id === 'test_result')?.label.vi).toBe(
      'Xét nghiệm dương tính',
    );
  });

  it('counts on a questionnaire saved before options could be marked, and follows one that marks another', () => {
    const unmarked: Questionnaire = {
      ...DEFAULT_QUESTIONNAIRE,
      version: 3,
      questions: DEFAULT_QUESTIONNAIRE.questions.map((q) =>
        q.options ? { ...q, options: q.options.map(({ value, label }) => ({ value, label })) } : q,
      ),
    };
    const on = (q: Questionnaire) =>
      assessDeclaration({ ...declared('positive'), version: q.version }, { ...rules, questionnaire: q });
    expect(on(unmarked).kinds).toEqual(['exposure']);
    const district: Questionnaire = {
      version: 4,
      questions: [
        {
          id: 'test_result',
          kind: 'choice',
          group: 'test',
          label: { vi: 'Kết quả test nhanh', en: 'Rapid test' },
          options: [
            { value: 'positive', label: { vi: 'Dương tính', en: 'Positive' } },
            { value: 'unclear', label: { vi: 'Không rõ', en: 'Unclear' }, risk: 'exposure' },
          ],
        },
      ],
    };
    expect(on(district).kinds).toEqual([]);
    expect(
      assessDeclaration({ ...declared('unclear'), version: 4 }, { ...rules, questionnaire: district }).signals,
    ).toHaveLength(1);
  });

  it('reaches the guard through the personal QR: its flags cannot carry it, its risk summary does', () => {
    const summary = riskKindsOf(declared('positive'), DEFAULT_QUESTIONNAIRE);
    expect(summary).toEqual(['exposure']);
    const code = encodeVisitorCode(
      { visitorId: '0a1b2c3d4e', name: 'Vũ Văn Dương' },
      { ...declared('positive'), flags: 0, risk: summary },
    );
    const parsed = parseVisitorCode(code);
    const a = assessVisitorDeclaration(parsed.kind === 'visitor' ? parsed.declaration : null, rules);
    expect(isClear(a)).toBe(false);
    expect(a).toMatchObject({ kinds: ['exposure'], signals: [], unknownAnswers: false });
  });
});

describe('assessVisitorDeclaration (personal QR)', () => {
  it('reads the flags with the same questionnaire version', () => {
    const a = assessVisitorDeclaration(
      { date: '2026-12-01', version: 1, flags: yesTo('fever', 'cough', 'consent') },
      rules,
    );
    expect(a.signals.map((s) => s.label.vi)).toEqual(['sốt', 'ho']);
    expect(toRiskFlags(a)).toEqual({ status: 'current', ageDays: 0, kinds: ['symptom'], signals: ['fever', 'cough'] });
    expect(v.safeParse(CheckInSchema.entries.risk, toRiskFlags(a)).success).toBe(true);
  });

  it('falls back on the code’s own risk summary for another version, and on "unknown" without one', () => {
    const withSummary = assessVisitorDeclaration(
      { date: '2026-12-01', version: 2, flags: 1, risk: ['exposure'] },
      rules,
    );
    expect(withSummary).toMatchObject({ kinds: ['exposure'], signals: [], unknownAnswers: false });
    const old = assessVisitorDeclaration({ date: '2026-12-01', version: 2, flags: 1 }, rules);
    expect(old.unknownAnswers).toBe(true);
    expect(isClear(old)).toBe(false);
  });
});

describe('personal QR risk summary (9th field)', () => {
  const profile = { visitorId: '0a1b2c3d4e', name: 'Lê Thị Hoa' };

  it('is written after the declaration and read back', () => {
    const code = encodeVisitorCodeV1(profile, {
      date: '2026-12-01',
      version: 1,
      flags: 3,
      risk: ['symptom', 'exposure'],
    });
    expect(code).toBe('TQ1:0a1b2c3d4e|Lê Thị Hoa||||||20261201.1.3|se');
    const parsed = parseVisitorCode(code);
    expect(parsed.kind === 'visitor' && parsed.declaration).toEqual({
      date: '2026-12-01',
      version: 1,
      flags: 3,
      risk: ['symptom', 'exposure'],
    });
    expect(encodeVisitorCodeV1(profile, { date: '2026-12-01', version: 1, flags: 0, risk: [] })).toBe(
      'TQ1:0a1b2c3d4e|Lê Thị Hoa||||||20261201.1.0|0',
    );
  });

  it('travels in the compact version 2 code too', () => {
    const code = encodeVisitorCode(profile, { date: '2026-12-01', version: 1, flags: 3, risk: ['symptom'] });
    expect(code.startsWith('TQ2:')).toBe(true);
    const parsed = parseVisitorCode(code);
    expect(parsed.kind === 'visitor' && parsed.declaration).toEqual({
      date: '2026-12-01',
      version: 1,
      flags: 3,
      risk: ['symptom'],
    });
  });

  it('leaves the first eight fields as older readers expect them', () => {
    const withRisk = encodeVisitorCodeV1(profile, { date: '2026-12-01', version: 1, flags: 3, risk: ['symptom'] });
    const without = encodeVisitorCodeV1(profile, { date: '2026-12-01', version: 1, flags: 3 });
    expect(withRisk).toBe(`${without}|s`);
    const old = parseVisitorCode(without);
    expect(old.kind === 'visitor' && old.declaration).toEqual({ date: '2026-12-01', version: 1, flags: 3 });
  });

  it('ignores a summary it does not understand and one without a declaration', () => {
    const odd = parseVisitorCode('TQ1:0a1b2c3d4e|Lê Thị Hoa||||||20261201.1.3|zz');
    expect(odd.kind === 'visitor' && odd.declaration).toEqual({ date: '2026-12-01', version: 1, flags: 3 });
    const none = parseVisitorCode('TQ1:0a1b2c3d4e|Lê Thị Hoa|||||||se');
    expect(none.kind === 'visitor' && none.declaration).toBe(null);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across months and refuses non-dates', () => {
    expect(daysBetween('2026-11-28', '2026-12-01')).toBe(3);
    expect(daysBetween('bad', '2026-12-01')).toBe(null);
  });
});
