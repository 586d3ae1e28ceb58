/** Refusals of a use case, each with what the user needs to know; the server maps them to HTTP. */
import { UserError } from "../domain/errors.js";

export class NotFoundError extends UserError {}

export class ForbiddenError extends UserError {}

/** A write based on a stale version: `current` is the record as it is now. */
export class ConflictError extends UserError {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super(message);
  }
}

/** A write to a period that is closed or published. */
export class LockedError extends UserError {
  constructor(
    message: string,
    readonly lock: { readonly plan: string; readonly period: string; readonly state: string },
  ) {
    super(message);
  }
}

/** Bad input, field by field. */
export class ValidationError extends UserError {
  constructor(
    message: string,
    readonly fields: readonly { readonly field: string; readonly message: string }[],
  ) {
    super(message);
  }
}
