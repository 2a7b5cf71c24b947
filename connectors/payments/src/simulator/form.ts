// application/x-www-form-urlencoded with Stripe's bracket notation (metadata[key]=v, expand[0]=v,
// automatic_payment_methods[enabled]=true) decoded into nested objects and arrays of strings.

export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

export class FormError extends Error {}

const MAX_DEPTH = 5;

/** The key path of one field: "a[b][0]" → ["a", "b", "0"]. */
function keyPath(name: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!match) throw new FormError(`Invalid parameter name: ${name}`);
  const rest = [...(match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  if (rest.length > MAX_DEPTH) throw new FormError(`Parameter ${name} is nested too deeply`);
  return [match[1] ?? '', ...rest];
}

function isIndex(segment: string): boolean {
  return segment === '' || /^\d{1,4}$/.test(segment);
}

export function decodeForm(body: string): FormObject {
  const root: FormObject = {};
  if (body.trim() === '') return root;
  for (const [name, value] of new URLSearchParams(body)) {
    const path = keyPath(name);
    let cursor: FormObject | FormValue[] = root;
    for (let i = 0; i < path.length; i += 1) {
      const segment = path[i] as string;
      const last = i === path.length - 1;
      const nextIsIndex = !last && isIndex(path[i + 1] as string);
      if (Array.isArray(cursor)) {
        const index = segment === '' ? cursor.length : Number(segment);
        if (last) cursor[index] = value;
        else cursor = (cursor[index] ??= nextIsIndex ? [] : {}) as FormObject | FormValue[];
      } else {
        if (segment === '') throw new FormError(`Invalid parameter name: ${name}`);
        if (last) cursor[segment] = value;
        else {
          const existing: FormValue | undefined = cursor[segment];
          if (typeof existing === 'string') throw new FormError(`Parameter ${segment} is given both as a value and as an object`);
          cursor = (cursor[segment] ??= nextIsIndex ? [] : {}) as FormObject | FormValue[];
        }
      }
    }
  }
  return root;
}
