// The ONE Record media type and its version parameter: `application/ld+json; version=2.2.0` in Accept
// and Content-Type, never in the path; and the choice of version from what the server supports.
import { PermanentError } from '@interline/hub';
import { MEDIA_TYPE, SUPPORTED_API_VERSIONS } from '../vocabulary';
import type { ApiVersion } from '../vocabulary';

export function mediaType(version: string | undefined): string {
  return version === undefined ? MEDIA_TYPE : `${MEDIA_TYPE}; version=${version}`;
}

export interface ParsedMediaType {
  type: string;
  version?: string;
}

/** `application/ld+json; version=2.2.0; charset=utf-8` → { type, version }; tolerant of case and spaces. */
export function parseMediaType(header: string | null | undefined): ParsedMediaType | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const [type = '', ...params] = header.split(';').map((part) => part.trim());
  const parsed: ParsedMediaType = { type: type.toLowerCase() };
  for (const param of params) {
    const [name, value] = param.split('=').map((part) => part.trim());
    if (name?.toLowerCase() === 'version' && value) parsed.version = value.replace(/^"|"$/g, '');
  }
  return parsed;
}

/** JSON bodies come as application/ld+json, application/json or any +json type. */
export function isJsonMediaType(header: string | null | undefined): boolean {
  const parsed = parseMediaType(header);
  return parsed !== undefined && /^application\/([a-z0-9.+-]+\+)?json$/.test(parsed.type);
}

/**
 * The API version to speak: the pinned one if configured, else the highest version both sides support.
 * A server that lists none of ours cannot be talked to correctly, so that is a permanent error.
 */
export function chooseApiVersion(serverVersions: readonly string[], pinned?: string): ApiVersion {
  if (pinned !== undefined) {
    if (!(SUPPORTED_API_VERSIONS as readonly string[]).includes(pinned)) {
      throw new PermanentError(`apiVersion ${pinned} is not one this connector speaks (${SUPPORTED_API_VERSIONS.join(', ')}); fix apiVersion in the connector config`);
    }
    return pinned as ApiVersion;
  }
  const common = SUPPORTED_API_VERSIONS.find((version) => serverVersions.includes(version));
  if (common === undefined) {
    throw new PermanentError(
      `the ONE Record server supports API versions ${serverVersions.join(', ') || '(none listed)'}, and this connector speaks ${SUPPORTED_API_VERSIONS.join(', ')}; ask the partner to enable one of ours or pin apiVersion`,
      { serverVersions },
    );
  }
  return common;
}
