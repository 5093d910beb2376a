/** A route as its key names it: `GET /v1/create-qr-code/{proxy+}`, `ANY /items/{id}` or `$default`. */
export interface Route {
  readonly key: string;
  readonly method: string;
  readonly segments: readonly string[];
}

export interface RouteMatch {
  readonly route: Route;
  readonly pathParameters: Record<string, string>;
}

/**
 * The path and query as the request line gives them. Nothing is resolved: `//generate` is a
 * path (not a host), and `.` and `..` are segments like any other.
 */
export function requestTarget(target: string): { pathname: string; search: string } {
  const at = target.indexOf('?');
  const path = at < 0 ? target : target.slice(0, at);
  const search = at < 0 ? '' : target.slice(at);
  return { pathname: path.startsWith('/') ? path : `/${path}`, search: search === '?' ? '' : search };
}

export function parseRouteKey(key: string): Route {
  if (key === '$default') return { key, method: 'ANY', segments: [] };
  const [method = '', path = ''] = key.split(' ');
  return { key, method: method.toUpperCase(), segments: path.split('/').filter(Boolean) };
}

/** A path's segments: an empty one (`//`) is kept, and matches no literal; one trailing slash is not a segment. */
function pathSegments(path: string): string[] {
  const segments = path.split('/').slice(1);
  if (segments.length > 0 && segments.at(-1) === '') segments.pop();
  return segments;
}

/**
 * The most specific route wins: an exact method beats ANY, literal segments beat
 * {param}, {param} beats {proxy+}, and $default catches the rest.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = pathSegments(path);
  let best: { route: Route; pathParameters: Record<string, string>; score: number } | undefined;
  for (const route of routes) {
    if (route.key === '$default') continue;
    if (route.method !== 'ANY' && route.method !== method) continue;
    // Parameter names are the route's: `{__proto__}` is a name like any other.
    const pathParameters: Record<string, string> = Object.create(null) as Record<string, string>;
    let score = route.method === 'ANY' ? 0 : 1;
    let matched = true;
    for (let i = 0; i < route.segments.length; i++) {
      const pattern = route.segments[i]!;
      const greedy = /^\{(.+)\+\}$/.exec(pattern);
      if (greedy && i === route.segments.length - 1) {
        if (segments.length <= i) matched = false;
        else pathParameters[greedy[1]!] = segments.slice(i).map(decodeSegment).join('/');
        break;
      }
      const segment = segments[i];
      if (segment === undefined) {
        matched = false;
        break;
      }
      const parameter = /^\{(.+)\}$/.exec(pattern);
      if (parameter) {
        pathParameters[parameter[1]!] = decodeSegment(segment);
        score += 10;
      } else if (pattern === segment) {
        score += 100;
      } else {
        matched = false;
        break;
      }
    }
    const greedyRoute = /\+\}$/.test(route.segments.at(-1) ?? '');
    if (matched && !greedyRoute && segments.length !== route.segments.length) matched = false;
    if (matched && (!best || score > best.score)) best = { route, pathParameters, score };
  }
  if (best) return { route: best.route, pathParameters: best.pathParameters };
  const fallback = routes.find((route) => route.key === '$default');
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

/** A path parameter, percent-decoded; one whose escapes are not UTF-8 is passed as sent. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path below the stage (`/prod/x` → `/x`); undefined when the path is not under it. */
export function stripStage(path: string, stage: string): string | undefined {
  const prefix = `/${stage}`;
  if (path === prefix) return '/';
  return path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : undefined;
}
