export type PageSearchParams = Record<string, string | string[] | undefined>;

export function toSearchParams(sp: PageSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) {
    if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
    else if (v !== undefined) params.append(k, v);
  }
  return params;
}
