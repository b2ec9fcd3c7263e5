import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './create-db.ts';

const SLOT = Symbol('compiled-query slot');
type Slot = { readonly [SLOT]: number };

/**
 * A stand-in for the `index`-th argument of a compiled query, written where a value goes while
 * the query is built (`.where('id', '=', arg(0))`). Typed as the value it stands for.
 */
export function arg<T>(index: number): T {
  return { [SLOT]: index } as Slot as T;
}

function isSlot(value: unknown): value is Slot {
  return typeof value === 'object' && value !== null && SLOT in value;
}

/**
 * A query that public pages run on every request, built and compiled by Kysely once per
 * database (and per `shape`, for queries whose text depends on a count, such as one branch per
 * channel), then run with new values. Building and compiling a Kysely query costs more than the
 * indexed read it describes; the SQL and its bound values are exactly what Kysely would write.
 */
export function compiledQuery<Args extends unknown[], Row, Shape extends number | string = number>(
  build: (db: Db, shape: Shape) => Compilable<Row>,
): (db: Db, args: Args, shape?: Shape) => Promise<Row[]> {
  const compiled = new WeakMap<Db, Map<Shape, CompiledQuery<Row>>>();
  return async (db, args, shape = 0 as Shape) => {
    let shapes = compiled.get(db);
    if (!shapes) compiled.set(db, (shapes = new Map()));
    let query = shapes.get(shape);
    if (!query) shapes.set(shape, (query = build(db, shape).compile()));
    const parameters = query.parameters.map((value) => (isSlot(value) ? args[value[SLOT]] : value));
    return (await db.kysely.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
