/**
 * Answers computed from a plan at one state of the database, kept as the JSON sent, so that a
 * dashboard read many times between two changes is built and serialised once. An entry holds
 * while the audit trail's last sequence number — which every write moves — is the one it was
 * made at; the oldest entries go first when the cache is full.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { readonly seq: number; readonly json: string }>();

  constructor(private readonly capacity: number) {}

  async json(key: string, seq: number, make: () => unknown | Promise<unknown>): Promise<string> {
    const known = this.entries.get(key);
    if (known && known.seq === seq) return known.json;
    const json = JSON.stringify(await make());
    this.entries.delete(key);
    this.entries.set(key, { seq, json });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return json;
  }
}
