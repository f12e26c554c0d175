/**
 * The contract needs a version; a program without one is still installed
 * software (CAF A3.a wants the inventory complete), so it is reported under
 * this word and the hub shows it as unknown rather than it vanishing.
 */
export const NO_VERSION = 'unknown';
