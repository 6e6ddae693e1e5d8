declare module '@bjorn3/browser_wasi_shim' {
  /** Minimal typing of the parts of the WASI shim this project uses. */
  export class Fd {}
  export class Inode {}
  export class File extends Inode {
    constructor(data: ArrayBuffer | Uint8Array | number[], options?: { readonly?: boolean });
    data: Uint8Array;
  }
  export class Directory extends Inode {
    contents: Map<string, Inode>;
  }
  export class OpenFile extends Fd {
    constructor(file: File);
  }
  export class PreopenDirectory extends Fd {
    constructor(name: string, contents: Map<string, Inode> | [string, Inode][]);
    dir: Directory;
  }
  export class ConsoleStdout extends Fd {
    static lineBuffered(write: (line: string) => void): ConsoleStdout;
  }
  export class WASI {
    constructor(args: string[], env: string[], fds: Fd[], options?: { debug?: boolean });
    wasiImport: WebAssembly.ModuleImports;
    start(instance: WebAssembly.Instance): number;
  }
}
