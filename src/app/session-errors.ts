/** Refusals of signing in; the server answers them with 401 and 429. */
import { UserError } from "../domain/errors.js";

/** No valid session, or a wrong e-mail address or password: one answer for all, on purpose. */
export class UnauthenticatedError extends UserError {}

/** Too many failed sign-ins for an account or from an address: try again after the wait. */
export class ThrottledError extends UserError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
