// /v1/partner-files: partners upload EDIFACT or JSON-LD files, list and download the files meant
// for them, and see each file's processing status. A partner sees only its own tenant's files.
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { Endpoint } from '../http/endpoint';
import { principalOf, writeTenant } from '../http/request-context';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';
import { IdParams, limitOf } from '../schemas/common';
import { FileListQuery, PartnerFileListSchema, PartnerFileSchema, UploadQuery } from '../schemas/files';
import type { PartnerFile } from '../schemas/files';

const UPLOAD_TYPES = ['application/edifact', 'application/ld+json'];
const READERS = ['partner', 'support', 'admin'] as const;

@Controller()
export class PartnerFilesController {
  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'POST',
    path: '/v1/partner-files',
    operationId: 'uploadPartnerFile',
    summary: 'Upload an EDIFACT or JSON-LD file.',
    description: 'The body is the file. Stored byte for byte with its SHA-256; status received until processing picks it up.',
    tag: 'partner-files',
    roles: ['partner', 'admin'],
    query: UploadQuery,
    rawBody: { mediaTypes: UPLOAD_TYPES, description: 'The file: an EDIFACT interchange (application/edifact) or a JSON-LD document (application/ld+json).' },
    idempotent: true,
    responses: { 201: { description: 'Stored.', schema: PartnerFileSchema, headers: { Location: 'The file record.' } } },
    problems: [422],
  })
  upload(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<PartnerFile> {
    const principal = principalOf(request);
    const tenant = writeTenant(request, principal);
    const { name } = request.query as { name: string };
    const mediaType = String(request.headers['content-type']).split(';')[0]?.trim().toLowerCase() ?? '';
    return this.portal.writes.run(request, reply, principal, (tx) => this.portal.files.upload(tx, tenant, name, mediaType, request.body as Buffer));
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/partner-files',
    operationId: 'listPartnerFiles',
    summary: 'Files exchanged with the caller, newest first.',
    tag: 'partner-files',
    roles: READERS,
    query: FileListQuery,
    responses: { 200: { description: 'Files.', schema: PartnerFileListSchema } },
  })
  async list(@Req() request: PortalRequest): Promise<{ items: PartnerFile[] }> {
    const query = request.query as { direction?: string; limit?: string };
    return { items: await this.portal.files.list(this.portal.sql, principalOf(request), query.direction, limitOf(query)) };
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/partner-files/{id}',
    operationId: 'getPartnerFile',
    summary: 'A file’s record and processing status.',
    tag: 'partner-files',
    roles: READERS,
    params: IdParams,
    responses: { 200: { description: 'The file record.', schema: PartnerFileSchema } },
    problems: [404],
  })
  get(@Req() request: PortalRequest): Promise<PartnerFile> {
    return this.portal.files.get(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
  }

  @Endpoint({
    method: 'GET',
    path: '/v1/partner-files/{id}/content',
    operationId: 'downloadPartnerFile',
    summary: 'Download a file’s bytes.',
    tag: 'partner-files',
    roles: READERS,
    params: IdParams,
    responses: { 200: { description: 'The bytes, in the file’s media type, with Digest and Content-Disposition.', mediaType: 'application/octet-stream', headers: { 'Repr-Digest': 'sha-256 of the bytes (RFC 9530).' } } },
    problems: [404],
  })
  async content(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Promise<Buffer> {
    const { file, bytes } = await this.portal.files.content(this.portal.sql, principalOf(request), (request.params as { id: string }).id);
    reply.type(file.mediaType);
    reply.header('content-disposition', `attachment; filename="${file.name}"`);
    reply.header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    return bytes;
  }
}
