/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "0" switches off the "République française" brand block (a deployment by a collectivité). */
  readonly VITE_MARIANNE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
