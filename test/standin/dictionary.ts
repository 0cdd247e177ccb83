// The class dictionary as the stand-in keeps it: %Dictionary.ClassDefinition (Name, TimeChanged)
// and %Dictionary.XDataDefinition (an XData block of a class, its Data a character stream that
// %Save writes back into the class definition, updating TimeChanged), as documented in the IRIS
// class reference (%Dictionary.ClassDefinition, %Dictionary.XDataDefinition, %Stream.TmpCharacter).
// A production's settings saved in the Management Portal are written into the production class's
// XData ProductionDefinition this way (Ens.Config.Production:SaveToClass).
import type { Instance } from './instance.js';
import { type IrisObject, type Value, IrisError, OK } from './values.js';

interface StreamState {
  text: string;
  pos: number;
}

export interface DictionaryObject extends IrisObject {
  /** Where an XData definition writes back on %Save. */
  xdata?: { namespace: string; cls: string; name: string };
  stream?: StreamState;
}

/** The block between the "{" and "}" lines after `XData <name>`, or null. */
function xdataSpan(source: string, name: string): { start: number; end: number } | null {
  const head = new RegExp(`^XData\\s+${name}\\b[^\\n]*\\n\\{\\n`, 'm').exec(source);
  if (!head) return null;
  const start = head.index + head[0].length;
  const close = source.indexOf('\n}', start - 1);
  if (close < 0) return null;
  return { start, end: close + 1 };
}

/** $horolog with milliseconds, the form of TimeChanged. */
export function timeStamp(d: Date = new Date()): string {
  const days = Math.floor(d.getTime() / 86_400_000) + 47_117;
  const seconds = (d.getTime() % 86_400_000) / 1000;
  return `${days},${seconds.toFixed(3)}`;
}

function stream(text: string): DictionaryObject {
  return { className: '%Stream.TmpCharacter', props: {}, stream: { text, pos: 0 } };
}

/** `##class(%Dictionary.ClassDefinition|XDataDefinition).%OpenId(id)`: the object, or "" when absent. */
export function openDictionary(inst: Instance, namespace: string, cls: string, id: string): Value {
  if (cls === '%Dictionary.ClassDefinition') {
    const found = inst.findClass(namespace, id);
    if (!found) return '';
    const rec = inst.read(found.db).classes[id]!;
    return { className: cls, props: { Name: id, TimeChanged: rec.timeChanged ?? '' } };
  }
  const [parent, name] = id.split('||');
  if (!parent || !name) return '';
  const found = inst.findClass(namespace, parent);
  const span = found ? xdataSpan(found.source, name) : null;
  if (!found || !span) return '';
  const obj: DictionaryObject = {
    className: cls,
    props: { Name: name, parent },
    xdata: { namespace, cls: parent, name },
  };
  obj.props.Data = stream(found.source.slice(span.start, span.end));
  return obj;
}

/** Methods of dictionary objects and their streams; undefined when `obj` is not one. */
export function invokeDictionary(inst: Instance, obj: IrisObject, method: string, args: Value[]): Value | undefined {
  const o = obj as DictionaryObject;
  if (o.stream) {
    const s = o.stream;
    switch (method) {
      case 'read': {
        const len = args[0] === undefined || args[0] === '' ? 32_000 : Number(args[0]);
        const chunk = s.text.slice(s.pos, s.pos + len);
        s.pos += chunk.length;
        return chunk;
      }
      case 'write':
        s.text = s.text.slice(0, s.pos) + String(args[0] ?? '');
        s.pos = s.text.length;
        return OK;
      case 'clear':
        s.text = '';
        s.pos = 0;
        return OK;
      case 'rewind':
        s.pos = 0;
        return OK;
    }
    throw new IrisError('METHOD DOES NOT EXIST', `${method},${obj.className}`);
  }
  if (o.xdata && method === '%save') {
    const { namespace, cls, name } = o.xdata;
    const found = inst.findClass(namespace, cls);
    const span = found ? xdataSpan(found.source, name) : null;
    if (!found || !span) throw new IrisError('CLASS DOES NOT EXIST', cls);
    const data = (o.props.Data as DictionaryObject).stream!.text;
    const body = data.endsWith('\n') ? data : `${data}\n`;
    inst.update(found.db, (c) => {
      const rec = c.classes[cls]!;
      rec.source = found.source.slice(0, span.start) + body + found.source.slice(span.end);
      rec.timeChanged = timeStamp();
    });
    return OK;
  }
  return undefined;
}
