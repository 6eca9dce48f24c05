/**
 * The tracer's console API (tracers and admins): find the case, merge records, trace F1 and the
 * narrow zone, F2 on demand, export, publish risk notices. Every search, view and export is audited
 * (who, when, what was asked, how many people it returned); nothing personal reaches the server log.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import {
  ExportRequestSchema,
  MergeRequestSchema,
  PersonSearchSchema,
  PublishNoticesSchema,
  TRACING_API,
  TraceRequestSchema,
  UnmergeRequestSchema,
} from '../../shared/tracing-api';
import { describeIssues } from '../../shared/protocol';
import type { Access } from '../auth/roles';
import { publishNotices } from '../db/notices-repo';
import { listCheckpointIds } from '../db/checkpoints-repo';
import { getSettings } from '../db/settings-repo';
import { searchPersons } from './person-search-repo';
import { listMerges, saveMerges, unmergeKey } from './merges-repo';
import { sendError } from '../http/errors';
import { traceCase, traceSecondRing } from './tracing-service';
import { mergeKeys, identitiesFrom } from './identity';
import { toCsv, toXlsx } from './export-files';
import { contactsTable, timelineTable, titledTables, traceFileName, zoneTable } from './export-rows';
import type { RouteDeps } from '../routes/deps';
import { audit, parseBody, userOf } from '../routes/admin/context';

/** Tracers and district administrators. */
const TRACING_STAFF: Access = ['admin', 'tracer'];
const config = { access: TRACING_STAFF };

function parseQuery<S extends v.GenericSchema>(
  schema: S,
  query: unknown,
  reply: FastifyReply,
): v.InferOutput<S> | undefined {
  const parsed = v.safeParse(schema, query);
  if (parsed.success) return parsed.output;
  void sendError(reply, 400, 'invalid_request', describeIssues(parsed.issues));
  return undefined;
}

/**
 * What an audit entry says about a trace request: the window and how many person keys, never the keys (they hold CCCD
 * numbers).
 */
function asked(r: { personKeys: string[]; from: number; to: number; bufferMin: number }): Record<string, unknown> {
  return { keys: r.personKeys.length, from: r.from, to: r.to, bufferMin: r.bufferMin };
}

/** What an audit entry says about a person search: which kinds of field were searched, never the terms. */
function searchedFields(q: Record<string, unknown>): string[] {
  return Object.keys(q)
    .filter((k) => q[k] !== undefined && q[k] !== '')
    .sort();
}

/** Registers the /api/admin/trace/* routes. */
export function registerTracingRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(TRACING_API.persons, { config }, async (request: FastifyRequest, reply) => {
    const q = parseQuery(PersonSearchSchema, request.query, reply);
    if (!q) return reply;
    const found = await searchPersons(deps.db, {
      idNumber: q.id,
      phone: q.phone,
      name: q.name,
      birthYear: q.birthYear,
    });
    const ids = identitiesFrom(await listMerges(deps.db));
    await audit(deps, request, 'trace.search', null, { fields: searchedFields(q), count: found.length });
    return {
      persons: found.map((p) => ({ ...p, groupKey: ids.groupOf(p.personKey), mergedKeys: ids.keysOf(p.personKey) })),
    };
  });

  app.post(TRACING_API.merge, { config }, async (request, reply) => {
    const body = parseBody(MergeRequestSchema, request.body, reply);
    if (!body) return reply;
    const merges = mergeKeys(await listMerges(deps.db), body.personKeys);
    await saveMerges(deps.db, merges, userOf(request).id, deps.now());
    await audit(deps, request, 'trace.merge', null, { keys: body.personKeys.length, count: merges.length });
    return { groupKey: merges[0]?.groupKey ?? null, personKeys: merges.map((m) => m.personKey) };
  });

  app.post(TRACING_API.unmerge, { config }, async (request, reply) => {
    const body = parseBody(UnmergeRequestSchema, request.body, reply);
    if (!body) return reply;
    await unmergeKey(deps.db, body.personKey);
    await audit(deps, request, 'trace.unmerge', null, { keys: 1 });
    return { ok: true };
  });

  app.post(TRACING_API.run, { config }, async (request, reply) => {
    const body = parseBody(TraceRequestSchema, request.body, reply);
    if (!body) return reply;
    const result = await traceCase(deps.db, body);
    await audit(deps, request, 'trace.view', null, {
      ...asked(body),
      visits: result.timeline.length,
      count: result.f1.length,
    });
    return result;
  });

  app.post(TRACING_API.secondRing, { config }, async (request, reply) => {
    const body = parseBody(TraceRequestSchema, request.body, reply);
    if (!body) return reply;
    const f2 = await traceSecondRing(deps.db, body);
    await audit(deps, request, 'trace.view_f2', null, { ...asked(body), count: f2.length });
    return { f2 };
  });

  app.post(TRACING_API.export, { config }, async (request, reply) => {
    const body = parseBody(ExportRequestSchema, request.body, reply);
    if (!body) return reply;
    const traceBody = parseBody(
      TraceRequestSchema,
      {
        personKeys: body.personKeys,
        from: body.from,
        to: body.to,
        bufferMin: body.bufferMin,
        ...(body.riskOnly ? { riskOnly: true } : {}),
      },
      reply,
    );
    if (!traceBody) return reply;
    const result = await traceCase(deps.db, traceBody);
    const names = new Map(result.f1.map((c) => [c.personId, c.name]));
    // The XLSX always holds both rings (the guide promises the full lists); a CSV only the ring asked for.
    const wantF2 = body.format === 'xlsx' || (body.part === 'contacts' && body.ring === 'f2');
    const f2 = wantF2 ? await traceSecondRing(deps.db, traceBody) : [];
    const contacts = body.ring === 'f2' ? f2 : result.f1;
    const zone = zoneTable(result.zone);
    await audit(deps, request, 'trace.export', null, {
      ...asked(traceBody),
      format: body.format,
      part: body.part,
      ring: body.ring,
      count: body.format === 'xlsx' ? result.f1.length + f2.length : contacts.length,
    });
    const subject = {
      caseName: body.caseName?.trim() || undefined,
      from: traceBody.from,
      to: traceBody.to,
      bufferMin: traceBody.bufferMin,
    };
    if (body.format === 'xlsx') {
      const file = await toXlsx(
        titledTables(subject, {
          f1: contactsTable(result.f1, 'f1'),
          f2: contactsTable(f2, 'f2', names),
          zone,
          timeline: timelineTable(result.timeline),
        }),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${traceFileName('', subject)}.xlsx"`)
        .send(file);
    }
    // No title line in a CSV (column-reading tools take the first line as the headers): the file name says it all.
    const table = body.part === 'zone' ? zone : contactsTable(contacts, body.ring, names);
    const part = body.part === 'zone' ? 'vung' : body.ring;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${traceFileName(part, subject)}.csv"`)
      .send(toCsv(table));
  });

  app.post(TRACING_API.notices, { config }, async (request, reply) => {
    const body = parseBody(PublishNoticesSchema, request.body, reply);
    if (!body) return reply;
    if (body.windows.some((w) => w.end <= w.start))
      return sendError(reply, 400, 'invalid_request', 'Every window must end after it starts.');
    const known = new Set(await listCheckpointIds(deps.db));
    const unknown = body.windows.find((w) => !known.has(w.checkpointId));
    if (unknown) return sendError(reply, 400, 'unknown_checkpoint', 'A window names a checkpoint that does not exist.');
    const { retentionDays } = await getSettings(deps.db);
    const ids = await publishNotices(
      deps.db,
      body.windows,
      body.instructions,
      userOf(request).id,
      deps.now(),
      retentionDays,
    );
    await audit(deps, request, 'trace.publish_notices', null, { windows: body.windows, count: ids.length });
    return reply.code(201).send({ ids });
  });
}
