/**
 * What the transports' attempt timers share.
 *
 * @internal
 */

/**
 * The longest delay `setTimeout` takes (about 24.8 days); a longer one would fire at once, so a transport
 * treats a longer timeout as none.
 *
 * @internal
 */
export const maxTimerMillis = 2_147_483_647
