/** A CSO's sign-off of an exception, as the API takes it: a statement and the confirmation. */
export const SIGN_OFF = { statement: 'Risk accepted: the machine is isolated and its replacement is funded.', confirm: true } as const;
