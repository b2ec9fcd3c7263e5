/** Raised when the database cannot be opened or reached; its message is one readable line. */
export class DatabaseOpenError extends Error {}
