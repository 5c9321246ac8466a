import { defineErrors } from "../../core/http/problem.ts";

export const exchangeErrors = defineErrors({
  importInvalid: { status: 422, title: "The file has problems; nothing was imported" },
  importNotAllowed: {
    status: 403,
    title: "Only platform admins and cluster admins may import",
  },
  clusterAmbiguous: { status: 400, title: "Name the cluster you import for" },
  unsupportedFile: {
    status: 415,
    title: "Send a bundle as application/json or solutions as text/csv",
  },
});
