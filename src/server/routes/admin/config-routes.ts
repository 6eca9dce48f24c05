/**
 * District configuration editors (admins): the health questionnaire (each save is a new version that
 * devices pick up at their next sync) and the district settings.
 */
import type { FastifyInstance } from 'fastify';
import { QuestionnaireSaveSchema, SettingsSaveSchema } from '../../../shared/console-api/schemas';
import { ADMIN_ONLY } from '../../auth/roles';
import { latestQuestionnaire, saveQuestionnaire } from '../../db/questionnaires-repo';
import { getSettings, updateSettings } from '../../db/settings-repo';
import { sendError } from '../../http/errors';
import type { RouteDeps } from '../deps';
import { audit, parseBody, userOf } from './context';
import { adminRoutes } from '../../../shared/console-api';

const QuestionnaireBody = QuestionnaireSaveSchema;
const SettingsBody = SettingsSaveSchema;

/** Registers the questionnaire and settings routes. */
export function registerConfigRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const config = { access: ADMIN_ONLY };

  app.get(adminRoutes.questionnaire.pattern, { config }, async () => latestQuestionnaire(deps.db));

  app.put(adminRoutes.questionnaireSave.pattern, { config }, async (request, reply) => {
    const body = parseBody(QuestionnaireBody, request.body, reply);
    if (!body) return reply;
    const ids = body.questions.map((q) => q.id);
    if (new Set(ids).size !== ids.length)
      return sendError(reply, 400, 'duplicate_question_id', 'Two questions share an id.');
    const current = await latestQuestionnaire(deps.db);
    if (current.version !== body.baseVersion) {
      return sendError(
        reply,
        409,
        'stale_version',
        `Someone saved version ${current.version} meanwhile; reload and edit again.`,
      );
    }
    const saved = await saveQuestionnaire(deps.db, body.questions, userOf(request).id, deps.now());
    await audit(
      deps,
      request,
      'questionnaire.save',
      { type: 'questionnaire', id: String(saved.version) },
      { questions: ids.length },
    );
    return saved;
  });

  app.get(adminRoutes.settings.pattern, { config }, async () => getSettings(deps.db));

  app.put(adminRoutes.settingsSave.pattern, { config }, async (request, reply) => {
    const body = parseBody(SettingsBody, request.body, reply);
    if (!body) return reply;
    const settings = await updateSettings(deps.db, body);
    await audit(deps, request, 'settings.update', null, { ...body });
    return settings;
  });
}
