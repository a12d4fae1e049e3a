import type { Database } from '@ldn/db';
import type { Resource } from '@medplum/fhirtypes';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import { type ContextServices, contextOf } from '../graphql/context-of.ts';
import { searchset } from './bundle.ts';
import { capabilityStatement } from './capability.ts';
import {
  FhirError,
  fhirBadRequest,
  fhirForbidden,
  fhirNotFound,
  fhirNotSupported,
  fhirRefused,
  operationOutcome,
} from './fhir-errors.ts';
import { FhirRecords, type RecordFilter } from './fhir-records.ts';
import { auditContextOf, type Requester, readerOf, requesterResolver } from './fhir-requester.ts';
import {
  DIRECTORY_RESOURCES,
  type Found,
  findPatients,
  PATIENT_RESOURCES,
  PHARMACY_RESOURCES,
  type ReadContext,
} from './fhir-resources.ts';
import { createPatientFromFhir } from './patient-create.ts';
import { organizationResource } from './resources/organization.ts';
import { patientResource } from './resources/patient.ts';
import { practitionerResource } from './resources/practitioner.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** The media types a resource may be sent as: neither is a form's, so a browser preflights them. */
const RESOURCE_TYPES = ['application/fhir+json', 'application/json'];

interface FhirRouterOptions extends ContextServices {
  db: Database;
  /** The API's schema: the import runs registerPatient itself (patient-create.ts). */
  schema: GraphQLSchema;
}

function send(res: Response, status: number, body: Resource): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

function refuse(res: Response, error: FhirError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  send(res, error.status, error.outcome);
}

/**
 * The body of a FHIR request: JSON as `application/fhir+json` or `application/json`, at most 1 MB.
 * Mounted before the data-access slot (a stream's events would not carry it); a body that cannot be
 * read is refused here as an OperationOutcome, not in the GraphQL shape of the app's last handler.
 */
export function fhirBody(): RequestHandler {
  const parse = express.json({ type: RESOURCE_TYPES, limit: '1mb' });
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error === undefined) return next();
      const status = (error as { status?: number }).status ?? 400;
      send(
        res,
        status === 413 ? 413 : 400,
        operationOutcome('structure', 'The request body is not valid JSON, or too large.'),
      );
    });
  };
}

/**
 * A create with the session cookie must not be forgeable by another site: the resource's media
 * type forces a browser to preflight (which is not answered, so a cross-site page never sends it —
 * and the cookie is SameSite=Strict anyway), and a browser's Origin, when sent, must be this host.
 */
function refuseCrossSite(req: Request): void {
  if (!req.is(RESOURCE_TYPES)) {
    throw new FhirError(415, 'not-supported', 'Send the resource as application/fhir+json.');
  }
  const origin = req.get('origin');
  if (origin !== undefined && hostOf(origin) !== req.get('host')) {
    throw fhirRefused('A request from another site is refused.');
  }
}

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** The search's one reference to a patient: `patient=Patient/{id}` or `patient={id}` (`_id` for Patient). */
function patientSearched(type: string, query: Request['query']): string {
  const allowed = type === 'Patient' ? '_id' : 'patient';
  const names = Object.keys(query).filter((name) => name !== '_format');
  const unknown = names.find((name) => name !== allowed);
  if (unknown !== undefined)
    throw fhirBadRequest(`Search parameter "${unknown}" is not supported for ${type}.`);
  const value = query[allowed];
  if (typeof value !== 'string' || value === '') {
    throw fhirBadRequest(`Search ${type} by "${allowed}" (one patient).`);
  }
  return value.startsWith('Patient/') ? value.slice('Patient/'.length) : value;
}

/** One LIST row per kind of record shown (ids only), as the GraphQL lists write them. */
async function auditShown(records: FhirRecords, found: readonly Found[]): Promise<void> {
  const idsOf = new Map<string, string[]>();
  for (const { audited } of found)
    idsOf.set(audited.entity, [...(idsOf.get(audited.entity) ?? []), audited.id]);
  for (const [entity, ids] of idsOf) await records.auditListed(entity, ids);
}

/**
 * The FHIR R4 API at /fhir/R4: the CapabilityStatement, read by id, search by patient and
 * Patient/{id}/$everything for the portal's session or an organisation's API token, and one write,
 * `POST /Patient`, for a clinic's session only (guarded against cross-site forgery). Every refusal
 * is an OperationOutcome; another organisation's record is 404, exactly like a missing one.
 */
export function fhirRouter(options: FhirRouterOptions): Router {
  const { db, config, clock, schema, throttle } = options;
  const router = Router();
  const requesterOf = requesterResolver({ db, config, clock, throttle });

  async function readContext(req: Request): Promise<ReadContext> {
    // From here on the database's row-level security holds the request to the reader's organisation too.
    const requester = await requesterOf(req);
    const records = FhirRecords.of(readerOf(requester), db.prisma, auditContextOf(requester, req.id));
    return { records, today: clock.today() };
  }

  /**
   * `POST /Patient`: a clinic's person allowed to register patients creates one from a FHIR
   * Patient. A token never writes (403): tokens are read-only.
   */
  async function create(req: Request, res: Response): Promise<void> {
    refuseCrossSite(req);
    const requester: Requester = await requesterOf(req);
    if (requester.kind === 'token')
      throw fhirRefused('API tokens are read-only: they cannot create records.');
    const { viewer } = requester;
    if (viewer.organisationKind !== 'CLINIC' || !(CLINIC_ROLES as readonly string[]).includes(viewer.role)) {
      throw fhirRefused('Your role does not allow you to register patients.');
    }
    const context = contextOf(options, req, res, viewer);
    const id = await createPatientFromFhir(req.body, schema, context);
    const [created] = await FhirRecords.of(viewer, db.prisma, auditContextOf(requester, req.id)).patients({
      id,
    });
    if (created === undefined) throw fhirNotFound('Patient', id);
    res.setHeader('location', `${baseOf(req)}/Patient/${id}`);
    send(res, 201, patientResource(created, 'CLINIC'));
  }

  function patientFinder(type: string, records: FhirRecords) {
    const finder = PATIENT_RESOURCES[type];
    if (finder === undefined) throw fhirNotSupported(`Resource type "${type}" is not served here.`);
    if (records.isPharmacy && !PHARMACY_RESOURCES.includes(type)) throw fhirForbidden(`${type} resources`);
    return finder;
  }

  async function read(req: Request, type: string, id: string): Promise<Resource> {
    const ctx = await readContext(req);
    if (type === 'Practitioner' || type === 'Organization') {
      const resource =
        type === 'Practitioner'
          ? await ctx.records.practitioner(id).then((user) => user && practitionerResource(user))
          : await ctx.records.organization(id).then((org) => org && organizationResource(org));
      if (resource === null) throw fhirNotFound(type, id);
      return resource;
    }
    const [found] = await patientFinder(type, ctx.records)(ctx, { id });
    if (found === undefined) throw fhirNotFound(type, id);
    await ctx.records.audit('READ', found.audited.entity, found.audited.id);
    return found.resource;
  }

  async function search(req: Request, type: string): Promise<Resource> {
    const ctx = await readContext(req);
    if ((DIRECTORY_RESOURCES as readonly string[]).includes(type)) {
      throw fhirBadRequest(`${type} is read by id only.`);
    }
    const finder = patientFinder(type, ctx.records);
    const patientId = patientSearched(type, req.query);
    const filter: RecordFilter = type === 'Patient' ? { id: patientId } : { patientId };
    const found = await finder(ctx, filter);
    await auditShown(ctx.records, found);
    return searchset(
      baseOf(req),
      found.map((entry) => entry.resource),
      selfOf(req),
    );
  }

  /** The patient and every resource of theirs the viewer may read, in one searchset Bundle. */
  async function everything(req: Request, patientId: string): Promise<Resource> {
    const ctx = await readContext(req);
    if (ctx.records.isPharmacy) throw fhirForbidden("a patient's whole record");
    const [patient] = await findPatients(ctx, { id: patientId });
    if (patient === undefined) throw fhirNotFound('Patient', patientId);
    const found = [patient];
    for (const [type, finder] of Object.entries(PATIENT_RESOURCES)) {
      if (type !== 'Patient') found.push(...(await finder(ctx, { patientId })));
    }
    await auditShown(ctx.records, found);
    return searchset(
      baseOf(req),
      found.map((entry) => entry.resource),
      selfOf(req),
    );
  }

  router.use(async (req, res) => {
    try {
      const segments = req.path.split('/').filter((segment) => segment !== '');
      const [type, id, operation] = segments;
      const creating = segments.length === 1 && type === 'Patient';
      if (req.method === 'POST' && creating) return await create(req, res);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', creating ? 'GET, POST' : 'GET');
        send(
          res,
          405,
          operationOutcome('not-supported', 'This FHIR API reads with GET; it creates only Patient (POST).'),
        );
        return;
      }
      if (segments.length === 1 && type === 'metadata') return send(res, 200, capabilityStatement());
      if (type === undefined || segments.length > 3)
        throw fhirNotSupported('No FHIR interaction at this address.');
      if (id === undefined) return send(res, 200, await search(req, type));
      if (operation === undefined) return send(res, 200, await read(req, type, id));
      if (type === 'Patient' && operation === '$everything') return send(res, 200, await everything(req, id));
      throw fhirNotSupported(`Operation "${operation}" is not served here.`);
    } catch (error) {
      if (error instanceof FhirError) return refuse(res, error);
      req.log.error(
        { errorName: error instanceof Error ? error.name : typeof error },
        'unexpected error in FHIR request',
      );
      send(
        res,
        500,
        operationOutcome(
          'exception',
          'Something went wrong on our side. It has been logged; please try again.',
        ),
      );
    }
  });
  return router;
}

/** This API's base URL as the client reached it, for a Bundle's fullUrls. */
const baseOf = (req: Request): string => `${req.protocol}://${req.get('host')}${req.baseUrl}`;
const selfOf = (req: Request): string => `${req.protocol}://${req.get('host')}${req.originalUrl}`;
