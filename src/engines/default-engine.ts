/** The engine a build uses unless told otherwise: embedded, offline, no set-up. */
export const DEFAULT_ENGINE = 'flite';
