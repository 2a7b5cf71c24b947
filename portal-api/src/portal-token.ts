// The Nest injection token under which controllers receive the portal's services.
export const PORTAL = Symbol('interline.portal');
