/** The district's questionnaire versions: the newest one is what devices use. */
import * as v from 'valibot';
import { QuestionnaireSchema, type Questionnaire } from '../../shared/protocol';
import { DEFAULT_QUESTIONNAIRE } from '../../shared/questionnaire/default';
import type { Db } from './database';

/** The newest questionnaire; the built-in default until the district saves its own. */
export async function latestQuestionnaire(db: Db): Promise<Questionnaire> {
  const row = await db
    .selectFrom('questionnaires')
    .select(['version', 'body'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return DEFAULT_QUESTIONNAIRE;
  const parsed = v.safeParse(QuestionnaireSchema, JSON.parse(row.body));
  return parsed.success ? parsed.output : DEFAULT_QUESTIONNAIRE;
}

/** Stores questions as the next version (one above the newest, default included); returns it. */
export async function saveQuestionnaire(
  db: Db,
  questions: Questionnaire['questions'],
  createdBy: string | null,
  now: number,
): Promise<Questionnaire> {
  return db.transaction().execute(async (trx) => {
    const current = await latestQuestionnaire(trx);
    const next: Questionnaire = { version: current.version + 1, questions };
    await trx
      .insertInto('questionnaires')
      .values({ version: next.version, body: JSON.stringify(next), created_at: now, created_by: createdBy })
      .execute();
    return next;
  });
}

/** The version number of the newest questionnaire (cheap: push answers carry it so devices refetch). */
export async function latestQuestionnaireVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('questionnaires')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return row?.version == null ? DEFAULT_QUESTIONNAIRE.version : Number(row.version);
}
