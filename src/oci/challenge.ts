// WWW-Authenticate challenges (RFC 7235) as registries send them. Pure functions.

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses one or more challenges, e.g. `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="..."`. */
export function parseChallenges(header: string | undefined): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  let i = 0;
  const s = header;
  const skip = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === ',')) i++;
  };
  while (i < s.length) {
    skip();
    const schemeMatch = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(s.slice(i));
    if (!schemeMatch) break;
    const challenge: Challenge = { scheme: schemeMatch[0].toLowerCase(), params: {} };
    i += schemeMatch[0].length;
    out.push(challenge);
    for (;;) {
      skip();
      const param = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*=\s*/.exec(s.slice(i));
      if (!param || !param[1]) break;
      i += param[0].length;
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++;
      } else {
        const token = /^[^,\s]*/.exec(s.slice(i));
        value = token ? token[0] : '';
        i += value.length;
      }
      challenge.params[param[1].toLowerCase()] = value;
    }
  }
  return out;
}
