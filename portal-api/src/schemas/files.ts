// Partner files: the portal's own record of a file exchanged with a partner (no canonical model:
// the bytes are the document), with its SHA-256 and processing status.
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { named } from './named-schemas';

export const FILE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const FILE_STATUSES = ['received', 'processing', 'processed', 'failed', 'available', 'downloaded'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

export const FileNameSchema = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$', description: 'File name: letters, digits, . _ - (no paths).' });

export const PartnerFileSchema = named(
  'PartnerFile',
  Type.Object(
    {
      id: Type.String(),
      name: Type.String(),
      direction: Type.Unsafe<(typeof FILE_DIRECTIONS)[number]>({ type: 'string', enum: [...FILE_DIRECTIONS], description: 'inbound: uploaded by the partner; outbound: for the partner to download.' }),
      mediaType: Type.String({ description: 'application/edifact, application/ld+json, …' }),
      sizeBytes: Type.Integer({ minimum: 1 }),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, hex.' }),
      status: Type.Unsafe<FileStatus>({ type: 'string', enum: [...FILE_STATUSES], description: 'inbound: received → processing → processed | failed; outbound: available → downloaded.' }),
      statusDetail: Type.Optional(Type.String({ description: 'Why it failed, or what processing produced.' })),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
    },
    { additionalProperties: false, description: 'A file exchanged with a partner.' },
  ),
);
export type PartnerFile = Static<typeof PartnerFileSchema>;

export const PartnerFileListSchema = named('PartnerFileList', Type.Object({ items: Type.Array(PartnerFileSchema) }, { additionalProperties: false, description: 'Files, newest first.' }));

export const UploadQuery = Type.Object({ name: FileNameSchema }, { additionalProperties: false });

export const FileListQuery = Type.Object(
  {
    direction: Type.Optional(Type.Unsafe<(typeof FILE_DIRECTIONS)[number]>({ type: 'string', enum: [...FILE_DIRECTIONS] })),
    limit: Type.Optional(Type.String({ pattern: '^(?:[1-9][0-9]?|1[0-9]{2}|200)$', description: 'Page size, 1–200 (default 50).' })),
  },
  { additionalProperties: false },
);
