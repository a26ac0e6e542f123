// Who wrote an export: named in TMX headers, XLIFF files and JSON envelopes.
import pkg from "../../package.json";

export const TOOL_NAME = "Bitext Workbench";
export const TOOL_VERSION: string = pkg.version;
