/**
 * The outbreak console API. Cases, investigations, the chain and settings are for tracers and district
 * administrators; the call list, entries, conversion and the daily report are also open to commune
 * officers (the health station), limited to their own commune. Every view and export is audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import {
  CaseWindowSchema,
  ContactDecisionSchema,
  ConvertSchema,
  FollowupEntrySchema,
  ManualContactSchema,
  OUTBREAK_API as API,
  OutbreakQuerySchema,
  OutbreakSettingsSchema,
  ReassignSchema,
  RegisterCaseSchema,
  onsetProblem,
  queryProblem,
  type OutbreakQuery,
  type OutbreakQueryUse,
} from '../../shared/outbreak-api';
import { describeIssues } from '../../shared/protocol';
import type { Access, ConsoleUser } from '../auth/roles';
import { listUnits } from '../db/units-repo';
import { sendError } from '../http/errors';
import type { RouteDeps } from '../routes/deps';
import { audit, parseBody, userOf } from '../routes/admin/context';
import { toXlsx } from '../tracing/export-files';
import { dayKey } from './days';
import * as repo from './outbreak-repo';
import * as svc from './outbreak-service';
import { dailyReport, reportTables, transmissionChain } from './outbreak-views';

/** Tracers and district administrators. */
const OUTBREAK_STAFF: Access = ['admin', 'tracer'];
/** Also commune officers: the health station of their commune. */
const FOLLOWUP_STAFF: Access = ['admin', 'tracer', 'officer'];
const staff = { access: OUTBREAK_STAFF };
const station = { access: FOLLOWUP_STAFF };
const adminOnly = { access: ['admin'] as Access };

type WithId = { Params: { id: string } };

/** English for the server's own message of each query refusal (people read the reason code's sentence). */
const QUERY_REFUSALS = {
  range_reversed: 'from must be on or before to.',
  day_not_used: 'This route does not read that date (the call list is always today).',
} as const;

/** Reads the query of a route that uses `use` of it; answers 400 with the reason (an impossible date: bad_day). */
function parseQuery(query: unknown, reply: FastifyReply, use: OutbreakQueryUse): OutbreakQuery | undefined {
  const parsed = v.safeParse(OutbreakQuerySchema, query);
  if (!parsed.success) {
    const onDate = parsed.issues.some((i) => ['day', 'from', 'to'].includes(v.getDotPath(i) ?? ''));
    void sendError(reply, 400, onDate ? 'bad_day' : 'invalid_request', describeIssues(parsed.issues));
    return undefined;
  }
  const problem = queryProblem(parsed.output, use);
  if (!problem) return parsed.output;
  void sendError(reply, 400, problem, QUERY_REFUSALS[problem]);
  return undefined;
}

/** Refuses (400, reason code) a case body whose symptoms and onset disagree; true when it did. */
function refuseOnset(body: { asymptomatic: boolean; onsetAt: number | null }, reply: FastifyReply): boolean {
  const problem = onsetProblem(body);
  if (!problem) return false;
  const message =
    problem === 'onset_required'
      ? 'A case with symptoms needs onsetAt; send asymptomatic: true for none.'
      : 'An asymptomatic case has no onsetAt.';
  void sendError(reply, 400, problem, message);
  return true;
}

/** The commune a request is limited to: an officer's own (asking for another is refused), else the asked one. */
function scopeOf(user: ConsoleUser, asked: string | undefined, reply: FastifyReply): string | null | undefined {
  if (user.role !== 'officer') return asked ?? null;
  if (!user.unitId || (asked && asked !== user.unitId)) {
    void sendError(reply, 403, 'other_commune', 'Health station staff see only their own commune.');
    return undefined;
  }
  return user.unitId;
}

/** True when the user may open a follow-up of this commune. */
function mayOpen(user: ConsoleUser, unitId: string): boolean {
  return user.role !== 'officer' || user.unitId === unitId;
}

async function run<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof svc.OutbreakError) return sendError(reply, error.status, error.code, error.message);
    throw error;
  }
}

/** Loads a follow-up the user may open, or answers 404/403. */
async function followupFor(deps: RouteDeps, request: FastifyRequest<WithId>, reply: FastifyReply) {
  const f = await repo.getFollowup(deps.db, request.params.id);
  if (!f) {
    void sendError(reply, 404, 'not_found', 'There is no such follow-up.');
    return undefined;
  }
  if (!mayOpen(userOf(request), f.unitId)) {
    void sendError(reply, 403, 'other_commune', 'Health station staff see only their own commune.');
    return undefined;
  }
  return f;
}

/** Registers the /api/admin/outbreak/* routes. */
export function registerOutbreakRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;
  const by = (r: FastifyRequest) => userOf(r).id;

  app.get(API.settings, { config: staff }, async () => repo.getOutbreakSettings(db));
  app.put(API.settings, { config: adminOnly }, async (request, reply) => {
    const body = parseBody(OutbreakSettingsSchema, request.body, reply);
    if (!body) return reply;
    const saved = await repo.updateOutbreakSettings(db, body);
    await audit(deps, request, 'outbreak.settings', null, { ...body });
    return saved;
  });

  app.get(API.cases, { config: staff }, async (request) => {
    const cases = await repo.listCases(db);
    await audit(deps, request, 'outbreak.cases_view', null, { count: cases.length });
    return { cases };
  });
  app.post(API.cases, { config: staff }, async (request, reply) => {
    const body = parseBody(RegisterCaseSchema, request.body, reply);
    if (!body || refuseOnset(body, reply)) return reply;
    return run(reply, async () => {
      const id = await svc.registerCase(db, body.personKeys, body, by(request), deps.now());
      // The audit log outlives the case (365 days): it names the case, not the person's ID numbers.
      await audit(deps, request, 'outbreak.case_register', { type: 'case', id }, { keys: body.personKeys.length });
      return reply.code(201).send({ id });
    });
  });
  app.get<WithId>(`${API.cases}/:id`, { config: staff }, async (request, reply) =>
    run(reply, async () => {
      const inv = await svc.investigation(db, request.params.id);
      await audit(
        deps,
        request,
        'outbreak.investigation_view',
        { type: 'case', id: request.params.id },
        { count: inv.contacts.length },
      );
      return inv;
    }),
  );
  app.get<WithId>(`${API.cases}/:id/changes`, { config: staff }, async (request, reply) =>
    run(reply, async () => {
      const { changes } = await svc.traceChanges(db, request.params.id);
      await audit(
        deps,
        request,
        'outbreak.changes_view',
        { type: 'case', id: request.params.id },
        { added: changes.added.length, removed: changes.removed.length },
      );
      return changes;
    }),
  );
  app.post<WithId>(`${API.cases}/:id/take-in`, { config: staff }, async (request, reply) =>
    run(reply, async () => {
      const changes = await svc.takeInChanges(db, request.params.id, by(request), deps.now());
      await audit(
        deps,
        request,
        'outbreak.take_in',
        { type: 'case', id: request.params.id },
        { added: changes.added.length },
      );
      return changes;
    }),
  );
  app.put<WithId>(`${API.cases}/:id/window`, { config: staff }, async (request, reply) => {
    const body = parseBody(CaseWindowSchema, request.body, reply);
    if (!body) return reply;
    return run(reply, async () => {
      await svc.adjustWindow(db, request.params.id, body);
      await audit(deps, request, 'outbreak.window', { type: 'case', id: request.params.id }, { ...body });
      return { ok: true };
    });
  });
  app.post<WithId>(`${API.cases}/:id/contacts`, { config: staff }, async (request, reply) => {
    const body = parseBody(ManualContactSchema, request.body, reply);
    if (!body) return reply;
    return run(reply, async () => {
      const out = await svc.addManualContact(db, request.params.id, body, by(request), deps.now());
      await audit(
        deps,
        request,
        'outbreak.contact_manual',
        { type: 'case', id: request.params.id },
        { relationship: body.relationship },
      );
      return reply.code(201).send(out);
    });
  });
  app.post<WithId>(`${API.contacts}/:id/decision`, { config: staff }, async (request, reply) => {
    const body = parseBody(ContactDecisionSchema, request.body, reply);
    if (!body) return reply;
    return run(reply, async () => {
      const out = await svc.decide(
        db,
        request.params.id,
        body.decision,
        body.reason,
        by(request),
        deps.now(),
        body.unitId,
      );
      await audit(
        deps,
        request,
        `outbreak.contact_${body.decision}`,
        { type: 'contact', id: request.params.id },
        // The reason (health details, often) stays on the contact and goes with it; the log only says one was given.
        { withReason: body.reason !== '' },
      );
      return out;
    });
  });

  app.get(API.followups, { config: station }, async (request, reply) => {
    const q = parseQuery(request.query, reply, 'none');
    if (!q) return reply;
    const unit = scopeOf(userOf(request), q.unit, reply);
    if (unit === undefined) return reply;
    const list = await svc.callList(db, unit, deps.now());
    await audit(deps, request, 'outbreak.call_list_view', unit ? { type: 'unit', id: unit } : null, {
      count: list.rows.length,
    });
    return list;
  });
  app.get<WithId>(`${API.followups}/:id`, { config: station }, async (request, reply) => {
    await svc.settle(db, deps.now());
    const f = await followupFor(deps, request, reply);
    if (!f) return reply;
    const entries = await repo.entriesOf(db, f.id);
    await audit(deps, request, 'outbreak.followup_view', { type: 'followup', id: f.id }, { entries: entries.length });
    const { startedAt: _s, ...followup } = f;
    return { followup, entries };
  });
  app.post<WithId>(`${API.followups}/:id/entries`, { config: station }, async (request, reply) => {
    const body = parseBody(FollowupEntrySchema, request.body, reply);
    if (!body) return reply;
    const f = await followupFor(deps, request, reply);
    if (!f) return reply;
    return run(reply, async () => {
      const id = await svc.addEntry(db, f.id, body, by(request), deps.now());
      await audit(
        deps,
        request,
        'outbreak.entry',
        { type: 'followup', id: f.id },
        { reached: body.reached, test: body.testType !== null },
      );
      return reply.code(201).send({ id, positive: body.testResult === 'positive' });
    });
  });
  app.post<WithId>(`${API.followups}/:id/reassign`, { config: staff }, async (request, reply) => {
    const body = parseBody(ReassignSchema, request.body, reply);
    if (!body) return reply;
    const f = await followupFor(deps, request, reply);
    if (!f) return reply;
    if (!(await listUnits(db)).some((u) => u.id === body.unitId && u.level === 'commune'))
      return sendError(reply, 400, 'unknown_unit', 'There is no such commune.');
    await repo.setFollowupUnit(db, f.id, body.unitId);
    await audit(
      deps,
      request,
      'outbreak.reassign',
      { type: 'followup', id: f.id },
      { from: f.unitId, to: body.unitId },
    );
    return { ok: true };
  });
  app.post<WithId>(`${API.followups}/:id/convert`, { config: station }, async (request, reply) => {
    const body = parseBody(ConvertSchema, request.body, reply);
    if (!body || refuseOnset(body, reply)) return reply;
    const f = await followupFor(deps, request, reply);
    if (!f) return reply;
    return run(reply, async () => {
      const caseId = await svc.convertToCase(db, f.id, body, by(request), deps.now());
      await audit(deps, request, 'outbreak.convert', { type: 'followup', id: f.id }, { caseId });
      return reply.code(201).send({ caseId });
    });
  });

  app.get(API.chain, { config: staff }, async (request, reply) => {
    const q = parseQuery(request.query, reply, 'range');
    if (!q) return reply;
    const chain = await transmissionChain(db, {
      ...(q.unit ? { unitId: q.unit } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
    await audit(deps, request, 'outbreak.chain_view', null, { nodes: chain.nodes.length, edges: chain.edges.length });
    return chain;
  });

  const report = async (request: FastifyRequest, reply: FastifyReply) => {
    const q = parseQuery(request.query, reply, 'day');
    if (!q) return undefined;
    const unit = scopeOf(userOf(request), q.unit, reply);
    if (unit === undefined) return undefined;
    return dailyReport(db, q.day ?? dayKey(deps.now()), unit, deps.now());
  };
  app.get(API.report, { config: station }, async (request, reply) => {
    const r = await report(request, reply);
    if (!r) return reply;
    await audit(deps, request, 'outbreak.report_view', null, { day: r.day, communes: r.communes.length });
    return r;
  });
  app.get(API.reportXlsx, { config: station }, async (request, reply) => {
    const r = await report(request, reply);
    if (!r) return reply;
    await audit(deps, request, 'outbreak.report_export', null, { day: r.day, communes: r.communes.length });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bao-cao-dich-${r.day}.xlsx"`)
      .send(await toXlsx(reportTables(r)));
  });
}
