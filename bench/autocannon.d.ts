// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Resultat {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    connections: number;
    duration: number;
    headers?: Record<string, string>;
    requests?: { method: 'GET'; path: string }[];
  }
  export default function autocannon(options: Options): Promise<Resultat>;
}
