/**
 * For the e-mail tests: what a personnummer or samordningsnummer looks like in text (12 digits, or
 * 10 with or without `-`/`+`), written independently of the masking in libs/platform so that the
 * tests check it rather than repeat it.
 */
export const TWELVE_DIGITS = /\d{12}/;
export const IDENTITY_NUMBER = /(?<!\d)(?:\d{2})?\d{6}[-+]?\d{4}(?!\d)/;
