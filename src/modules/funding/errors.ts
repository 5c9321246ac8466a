import { defineErrors } from "../../core/http/problem.ts";

export const fundingErrors = defineErrors({
  sourceNotFound: { status: 404, title: "Funding source not found" },
  notAFunder: { status: 400, title: "The funder must be an organisation of kind funder" },
  coFundingNotFound: { status: 404, title: "This source does not co-fund the challenge" },
  organisationNotFound: { status: 404, title: "Organisation not found" },
});
