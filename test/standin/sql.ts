// The SQL the stand-in answers through %SQL.Statement:%ExecDirect: SELECT of columns FROM IPM's
// update-step tables (%IPM_Storage_UpdateStep.AnyMember / .PrimaryOnly) and installed modules
// (%IPM_Storage.ModuleItem), and persistent classes compiled in the namespace (rows read from the
// class's Storage DataLocation, $listbuild columns by their <Value name="n"> slot), with SUM/COUNT
// aggregates. Anything else yields SQLCODE -30 (table not found) as IRIS would for an unknown
// table, or -1 for a statement outside this subset.
import type { Session } from './session.js';
import { type IrisObject, type Value, StatusError, canon, toNum } from './values.js';
import { parseRef } from './globals.js';
import { listItems } from './lists.js';

interface ResultSet extends IrisObject {
  rows: Record<string, Value>[];
  at: number;
}

function resultSet(rows: Record<string, Value>[], sqlcode: number, message = ''): ResultSet {
  return {
    className: '%SQL.StatementResult',
    props: { '%SQLCODE': String(sqlcode), '%Message': message, '%ROWCOUNT': String(rows.length) },
    rows,
    at: -1,
  };
}

export function sqlQuery(s: Session, sql: string): ResultSet {
  const m = /^\s*SELECT\s+(.+?)\s+FROM\s+([%\w.]+)\s*(?:WHERE\s+(.+?))?\s*$/is.exec(sql);
  if (!m) return resultSet([], -1, `Invalid SQL statement: ${sql}`);
  const columns = m[1]!.split(',').map((c) => c.trim());
  const table = m[2]!.toLowerCase();
  let rows: Record<string, Value>[];
  const content = s.instance.read(s.globalsDb());
  if (table === '%ipm_storage_updatestep.anymember' || table === '%ipm_storage_updatestep.primaryonly') {
    const primary = table.endsWith('primaryonly');
    rows = Object.values(content.updateSteps)
      .filter((r) => r.PrimaryOnly === primary)
      .map((r) => ({
        ClassName: r.ClassName,
        MethodName: r.MethodName,
        TimeStampStart: r.TimeStampStart,
        TimeStampEnd: r.TimeStampEnd,
        Status: r.Status === '1' || r.Status === '' ? '1' : StatusError.general(r.Status),
      }));
  } else if (table === '%ipm_storage.moduleitem') {
    rows = Object.values(content.modules).map((r) => ({
      Name: r.name,
      VersionString: r.version,
      Packaging: r.packaging,
    }));
  } else {
    const table = persistentRows(s, m[2]!);
    if (!table) return resultSet([], -30, `Table '${m[2]}' not found`);
    rows = table;
  }
  if (m[3]) return resultSet([], -1, `WHERE is not supported by the stand-in: ${m[3]}`);
  const aggregates = columns.map((c) => /^(SUM|COUNT)\((\*|\w+)\)(?:\s+AS\s+(\w+))?$/i.exec(c));
  if (aggregates.some(Boolean)) {
    const row: Record<string, Value> = {};
    aggregates.forEach((a, i) => {
      if (!a) return;
      const alias = a[3] ?? `Aggregate_${i + 1}`;
      if (a[1]!.toUpperCase() === 'COUNT') row[alias] = String(rows.length);
      else {
        const col = a[2]!.toLowerCase();
        row[alias] = canon(
          rows.reduce((t, r) => t + toNum(Object.entries(r).find(([k]) => k.toLowerCase() === col)?.[1] ?? '0'), 0),
        );
      }
    });
    return resultSet([row], 0);
  }
  const pick = (row: Record<string, Value>): Record<string, Value> => {
    if (columns.length === 1 && columns[0] === '*') return row;
    const out: Record<string, Value> = {};
    for (const c of columns) {
      const key = Object.keys(row).find((k) => k.toLowerCase() === c.toLowerCase());
      if (key === undefined) throw new Error(`column ${c}`);
      out[c] = row[key]!;
    }
    return out;
  };
  try {
    return resultSet(rows.map(pick), 0);
  } catch (e) {
    return resultSet([], -29, `Field '${(e as Error).message.slice(7)}' not found in the applicable tables`);
  }
}

/** Rows of a persistent class's default storage, or undefined when no such class is compiled. */
function persistentRows(s: Session, table: string): Record<string, Value>[] | undefined {
  const found = s.instance.findClass(s.namespace, table);
  if (!found) return undefined;
  const location = /<DataLocation>(\^[^<]+)<\/DataLocation>/.exec(found.source)?.[1];
  if (!location) return undefined;
  const slots = new Map<number, string>();
  for (const v of found.source.matchAll(/<Value name="(\d+)">\s*<Value>([^<]+)<\/Value>/g))
    slots.set(Number(v[1]), v[2]!);
  const rows: Record<string, Value>[] = [];
  for (const [key, value] of Object.entries(s.instance.read(s.globalsDb()).globals)) {
    const ref = parseRef(key);
    if (ref.name !== location || ref.subs.length !== 1) continue;
    const row: Record<string, Value> = { ID: ref.subs[0]! };
    listItems(value).forEach((item, i) => {
      const prop = slots.get(i + 1);
      if (prop && prop !== '%%CLASSNAME') row[prop] = item;
    });
    rows.push(row);
  }
  return rows;
}
