// /openapi.json and /docs: the generated document, and Swagger UI served from the local
// swagger-ui-dist package (no CDN: the API must document itself on a machine without internet).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Inject, Req, Res } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { Endpoint } from '../http/endpoint';
import { notFound } from '../http/problem';
import type { PortalReply, PortalRequest } from '../http/request-context';
import { PORTAL } from '../portal-token';
import type { Portal } from '../portal';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'index.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/** The installed swagger-ui-dist folder (its index.js sits at the package root). */
function swaggerUiDir(): string {
  return path.dirname(require.resolve('swagger-ui-dist'));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Interline portal API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="stylesheet" href="/docs/index.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/swagger-initializer.js"></script>
</body>
</html>
`;

// Served as a file rather than inline, so a deployment may add a script-src 'self' policy.
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
  });
};
`;

@Controller()
export class DocsController {
  private readonly assetCache = new Map<string, Buffer>();

  constructor(@Inject(PORTAL) private readonly portal: Portal) {}

  @Endpoint({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This API’s OpenAPI 3.1 document.',
    tag: 'meta',
    roles: 'public',
    responses: { 200: { description: 'The OpenAPI document.', schema: Type.Object({}, { additionalProperties: true, description: 'An OpenAPI 3.1 document.' }) } },
  })
  document(): unknown {
    return this.portal.openApiDocument();
  }

  @Endpoint({ method: 'GET', path: '/docs', operationId: 'docsPage', summary: 'Swagger UI.', tag: 'meta', roles: 'public', internal: true, responses: { 200: { description: 'HTML', mediaType: 'text/html' } } })
  page(@Res({ passthrough: true }) reply: PortalReply): string {
    reply.type('text/html; charset=utf-8');
    return PAGE;
  }

  @Endpoint({
    method: 'GET',
    path: '/docs/{asset}',
    operationId: 'docsAsset',
    summary: 'Swagger UI assets.',
    tag: 'meta',
    roles: 'public',
    internal: true,
    params: Type.Object({ asset: Type.String({ pattern: '^[a-z0-9.-]+$' }) }),
    responses: { 200: { description: 'Asset', mediaType: 'application/octet-stream' } },
  })
  asset(@Req() request: PortalRequest, @Res({ passthrough: true }) reply: PortalReply): Buffer | string {
    const { asset } = request.params as { asset: string };
    reply.header('cache-control', 'public, max-age=3600');
    if (asset === 'swagger-initializer.js') {
      reply.type('application/javascript; charset=utf-8');
      return INITIALIZER;
    }
    const type = ASSETS[asset];
    if (!type) throw notFound(`no documentation asset '${asset}'`);
    let bytes = this.assetCache.get(asset);
    if (!bytes) {
      bytes = readFileSync(path.join(swaggerUiDir(), asset));
      this.assetCache.set(asset, bytes);
    }
    reply.type(type);
    return bytes;
  }
}
