/**
 * The ObjectScript lines the upgrade stage sends (pure). Every form here is listed in
 * docs/iris-surface.md ("Upgrade stage"); results come back as `##IPMDB <key>=<value>` lines
 * read by ./parse.ts. Each line is one command line: never a newline inside.
 */
import { UsageError } from '../../util/errors.js';
import { quote as quoteLiteral } from '../../iris/objectscript.js';
import { hasControlCharacter } from '../../iris/validate.js';
import { guardedLine } from '../../ipm/installed.js';

/** IRIS global names: letters, digits and dots after "^" (optionally "%" first). */
const GLOBAL_NAME = /^\^%?[A-Za-z][A-Za-z0-9.]*$/;
/** A class name: package.Class, segments of letters and digits (optionally "%" first). */
const CLASS_NAME = /^%?[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const METHOD_NAME = /^%?[A-Za-z][A-Za-z0-9]*$/;

/** Nodes listed one by one per global (for node-level diffs) before only the totals count. */
export const DEFAULT_NODE_LIMIT = 500;

/** An ObjectScript string literal (the driver's quoting); refuses what cannot sit on one command line. */
export function quote(value: string): string {
  if (hasControlCharacter(value)) {
    throw new UsageError(`value ${JSON.stringify(value)} contains a control character and cannot be sent to IRIS`);
  }
  return quoteLiteral(value);
}

export function assertGlobalName(name: string): string {
  if (!GLOBAL_NAME.test(name)) {
    throw new UsageError(
      `"${name}" is not a global name`,
      'Write globals as ^Name (letters, digits and dots), e.g. ^MyApp.DataD; patterns may end in *.',
    );
  }
  return name;
}

export interface ClassMethodRef {
  className: string;
  methodName: string;
}

/** Parses "Package.Class:Method" (the form of the `seed` and `checks` inputs and of step names). */
export function parseClassMethod(text: string, what: string): ClassMethodRef {
  const [className, methodName, extra] = text.trim().split(':');
  if (
    extra !== undefined ||
    !className ||
    !methodName ||
    !CLASS_NAME.test(className) ||
    !METHOD_NAME.test(methodName)
  ) {
    throw new UsageError(
      `${what} "${text}" is not of the form Package.Class:Method`,
      'Name a class method with its full class name, e.g. MyApp.Checks:OrdersKept.',
    );
  }
  return { className, methodName };
}

export function formatClassMethod(ref: ClassMethodRef): string {
  return `${ref.className}:${ref.methodName}`;
}

export function assertClassName(name: string, what: string): string {
  if (!CLASS_NAME.test(name)) throw new UsageError(`${what} "${name}" is not a class or package name`);
  return name;
}

/** Runs `body`; an ObjectScript error becomes an `##IPMDB error=<label>|<text>` line instead of a lost line. */
const guarded = guardedLine;

/** Lists the globals of the namespace's default globals database: `##IPMDB gname=^Name` lines. */
export function listGlobalsLine(): string {
  return guarded('list globals', 'set g="" for { set g=$order(^$GLOBAL(g)) quit:g=""  write "##IPMDB gname=",g,! }');
}

/**
 * Fingerprints one global: `##IPMDB node=<ref>|<sha1 of value>` for the first `nodeLimit` nodes,
 * then `##IPMDB global=<name>|<node count>|<chained sha1>` (base64). Values and references are
 * hashed as UTF-8 (SHA1Hash takes 8-bit strings only).
 */
export function fingerprintGlobalLine(name: string, nodeLimit = DEFAULT_NODE_LIMIT): string {
  assertGlobalName(name);
  if (!Number.isInteger(nodeLimit) || nodeLimit < 0)
    throw new UsageError(`node limit must be a whole number >= 0, not ${nodeLimit}`);
  const b64 = '$system.Encryption.Base64Encode';
  const sha1 = '$system.Encryption.SHA1Hash';
  return guarded(
    `fingerprint ${name}`,
    `set g=${quote(name)},n=0,h="",r=g,d=$data(@g)#2 ` +
      `for { if 'd { set r=$query(@r) quit:r="" } set d=0,v=$zconvert(@r,"O","UTF8"),n=n+1,h=${sha1}(h_$zconvert(r,"O","UTF8")_$c(0)_v) ` +
      `write:n'>${nodeLimit} "##IPMDB node=",r,"|",${b64}(${sha1}(v)),! } ` +
      `write "##IPMDB global=",g,"|",n,"|",${b64}(h),!`,
  );
}

export { moduleStateLine } from '../../ipm/installed.js';

const STEP_TABLES = [
  ['any', '%IPM_Storage_UpdateStep.AnyMember'],
  ['primary', '%IPM_Storage_UpdateStep.PrimaryOnly'],
] as const;

/** `##IPMDB step=<any|primary>|<class>|<method>|<start>|<end>|<status ok 1/0>` per row of IPM's step tables. */
export function updateStepLines(): string[] {
  return STEP_TABLES.map(([kind, table]) =>
    guarded(
      `update steps ${table}`,
      `set rs=##class(%SQL.Statement).%ExecDirect(,"SELECT ClassName,MethodName,TimeStampStart,TimeStampEnd,Status FROM ${table}") ` +
        `if rs.%SQLCODE<0 { write "##IPMDB error=",${quote(table)},"|",rs.%Message,! } ` +
        `while rs.%Next() { write "##IPMDB step=${kind}|",rs.%Get("ClassName"),"|",rs.%Get("MethodName"),"|",` +
        `rs.%Get("TimeStampStart"),"|",rs.%Get("TimeStampEnd"),"|",$system.Status.IsOK(rs.%Get("Status")),! }`,
    ),
  );
}

/**
 * The steps the installed code declares, as IPM finds them: `##IPMDB expected=<class>|<json
 * GetOrderedMethods>|<json GetOrderedMethodsPrimaryOnly>` per `<UpdatePackage>.V<n>` class.
 */
export function expectedStepsLine(updatePackage: string): string {
  const json = (v: string) => `$select($isobject(${v}):${v}.%ToJSON(),1:"[]")`;
  return guarded(
    `update package ${updatePackage}`,
    `kill l do ##class(%IPM.General.Update.VersionBase).GetUpdatePackageClassList(${quote(assertClassName(updatePackage, 'UpdatePackage'))},.l) ` +
      `set k="" for { set k=$order(l(k)) quit:k=""  ` +
      // Both are [Abstract] in VersionBase: call only what the class implements, as HandleAllUpdateSteps does.
      `set a=$select($system.CLS.IsMthd(l(k),"GetOrderedMethods"):$classmethod(l(k),"GetOrderedMethods"),1:""),` +
      `p=$select($system.CLS.IsMthd(l(k),"GetOrderedMethodsPrimaryOnly"):$classmethod(l(k),"GetOrderedMethodsPrimaryOnly"),1:"") ` +
      `write "##IPMDB expected=",l(k),"|",${json('a')},"|",${json('p')},! }`,
  );
}

/** Calls a data-writing class method: `##IPMDB seeded=<Class:Method>` when it returned. */
export function seedLine(ref: ClassMethodRef): string {
  const name = formatClassMethod(ref);
  return guarded(name, `do ##class(${ref.className}).${ref.methodName}() write "##IPMDB seeded=",${quote(name)},!`);
}

/** Calls a check class method: `##IPMDB check=<Class:Method>|<returned value>`. */
export function checkLine(ref: ClassMethodRef): string {
  const name = formatClassMethod(ref);
  return guarded(
    name,
    `set r=##class(${ref.className}).${ref.methodName}() write "##IPMDB check=",${quote(name)},"|",r,!`,
  );
}

/** `##IPMDB exists=<path>|<1/0>` for a file inside the container. */
export function fileExistsLine(path: string): string {
  return `write "##IPMDB exists=",${quote(path)},"|",##class(%Library.File).Exists(${quote(path)}),!`;
}
