// The Nest module: the portal's controllers, with the services object provided under PORTAL.
import { Module } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { CONTROLLERS } from './controllers';
import { PORTAL } from './portal-token';
import type { Portal } from './portal';

export function createAppModule(portal: Portal): Type<unknown> {
  @Module({ controllers: CONTROLLERS, providers: [{ provide: PORTAL, useValue: portal }] })
  class PortalAppModule {}
  return PortalAppModule;
}
