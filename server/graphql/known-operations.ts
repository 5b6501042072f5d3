import type { ExecutionResult } from 'graphql';
import Negotiator from 'negotiator';

/**
 * Operations Apollo has already accepted, ready to run again without its per-request pipeline.
 *
 * The first time a query text arrives, Apollo handles it in full: parsing, validation with our
 * limits (depth, aliases, cost, one lookup), plugins, then execution through our gateway
 * (jit.ts), which compiles the operation and learns it here under its exact text and the
 * operation name the request gave. From then on the same text is answered by the fast path
 * (server/http/graphql-handler.ts): the compiled query runs on a context built as for Apollo,
 * and a clean result — data, no error — is written as Apollo writes it (same status, content
 * type, bytes). Anything else goes to Apollo: a request the fast path does not recognise in
 * every detail (another method or content type, `extensions`, an Accept it would have to
 * refuse), a context that refuses (a bad key), and every result that holds an error, which
 * Apollo receives already executed (never run twice) and formats, masks and answers as always.
 * tests/integration/differential.test.ts holds the two paths to the same HTTP answers.
 *
 * A document enters only after passing Apollo's validation, so the fast path admits nothing
 * Apollo would refuse. The table is bounded: a client
 * sending endless distinct documents only keeps them on Apollo's path: texts over 4,000 characters
 * are not kept, one text is kept under at most 2 operation names, and the oldest text nobody
 * asked for again goes first (LIMITS).
 */
export interface KnownOperation {
  /** The operation's own name, null for an anonymous one. */
  name: string | null;
  /** Runs it on a request's context and variables, its result finished as the executor finishes it (jit.ts). */
  run: (context: object, variables: Record<string, unknown>) => Promise<ExecutionResult>;
}

/**
 * How many texts are kept, how long a text may be, and how many operation names one text may be
 * kept under. This table is also the executor's only cache of compiled operations: a compiled
 * operation holds some 3–12 KB of generated code, and up to about 60 KB once it has run, so the
 * bound is on their number (at most 400), never on Apollo's document cache, which counts its
 * documents by their text. The pages' own documents are 26, the longest 1,017 characters.
 */
export const LIMITS = { texts: 200, textChars: 4_000, namesPerText: 2 } as const;
const ACCEPT_CACHE = 64;
// Texts seen once, remembered to tell a text that comes back (at most 4 MB of text).
const SIGHTINGS = 1_000;
// No operation name given: a key no GraphQL name can be (an empty name is a name, which Apollo refuses).
const NO_NAME = '\u0000';

/** Apollo Server's own media types (MEDIA_TYPES in @apollo/server, not exported). */
export const MEDIA_TYPES = {
  APPLICATION_JSON: 'application/json; charset=utf-8',
  APPLICATION_JSON_GRAPHQL_CALLBACK: 'application/json; callbackSpec=1.0; charset=utf-8',
  APPLICATION_GRAPHQL_RESPONSE_JSON: 'application/graphql-response+json; charset=utf-8',
} as const;

interface Entry {
  byName: Map<string, KnownOperation>;
  /** Found since the clock hand last passed (second chance): kept over texts nobody asks for again. */
  used: boolean;
}

export class KnownOperations {
  /** Query text → operation name as the request gives it → operation, oldest first. */
  private readonly byText = new Map<string, Entry>();
  private readonly contentTypes = new Map<string, string | null>();
  private readonly sightings = new Set<string>();
  /** How many answers each path gave, and how many operations were compiled (tests read them; nothing else). */
  readonly counts = { fast: 0, handedOver: 0, compiled: 0 };

  learn(text: string, operationName: string | null | undefined, known: KnownOperation): void {
    if (text.length > LIMITS.textChars) return;
    let entry = this.byText.get(text);
    if (!entry) {
      if (this.byText.size >= LIMITS.texts) this.evictOne();
      entry = { byName: new Map(), used: false };
      this.byText.set(text, entry);
    }
    if (entry.byName.size < LIMITS.namesPerText) entry.byName.set(operationName ?? NO_NAME, known);
  }

  find(text: string, operationName: string | null | undefined): KnownOperation | undefined {
    const entry = this.byText.get(text);
    if (!entry) return undefined;
    entry.used = true;
    return entry.byName.get(operationName ?? NO_NAME);
  }

  /**
   * Whether the executor should compile this text under this name: only a text that comes back
   * (a second sighting within the last SIGHTINGS texts), and only under a name the table would
   * keep — what it would not keep would be compiled again on every request. Compiling makes
   * generated code that outlives the request for a while: a flood of one-off documents compiled
   * each on arrival held the server at 1.4 GB RSS where graphql-js's interpreter stays at 440 MB
   * (BENCHMARKS.md). Whatever is not worth compiling is interpreted by graphql-js.
   */
  worthCompiling(text: string): boolean {
    if (text.length > LIMITS.textChars) return false;
    const entry = this.byText.get(text);
    if (entry) return entry.byName.size < LIMITS.namesPerText;
    if (this.sightings.has(text)) return true;
    if (this.sightings.size >= SIGHTINGS) this.sightings.clear();
    this.sightings.add(text);
    return false;
  }

  /** Forgotten when Apollo stops: a stopped server answers nothing from here. */
  clear(): void {
    this.byText.clear();
    this.sightings.clear();
  }

  get size(): number {
    return this.byText.size;
  }

  /**
   * The clock's second chance: the oldest text goes unless it was asked for since, in which
   * case it moves to the back, cleared. A flood of texts asked once each cannot push out the
   * operations clients keep using.
   */
  private evictOne(): void {
    for (const [text, entry] of this.byText) {
      this.byText.delete(text);
      if (!entry.used) return;
      entry.used = false;
      this.byText.set(text, entry);
    }
  }

  /**
   * The content type Apollo would give a single result for this Accept header
   * (chooseContentTypeForSingleResultResponse), or null where Apollo answers 406.
   */
  contentTypeFor(accept: string | undefined): string | null {
    if (!accept) return MEDIA_TYPES.APPLICATION_JSON;
    const cached = this.contentTypes.get(accept);
    if (cached !== undefined) return cached;
    const chosen =
      new Negotiator({ headers: { accept } }).mediaType([MEDIA_TYPES.APPLICATION_JSON, MEDIA_TYPES.APPLICATION_GRAPHQL_RESPONSE_JSON, MEDIA_TYPES.APPLICATION_JSON_GRAPHQL_CALLBACK]) ?? null;
    if (this.contentTypes.size < ACCEPT_CACHE) this.contentTypes.set(accept, chosen);
    return chosen;
  }
}

/** What the fast path hands Apollo: the result it executed, or what the execution threw (Apollo answers either as if it had run it). */
export type Executed = { operationName: string | null } & ({ result: ExecutionResult } | { thrown: unknown });

/** Where the fast path hands Apollo a result it has already executed (jit.ts returns it instead of executing again). */
export const EXECUTED = Symbol('ssps.executed');
