import { describe, expectTypeOf, it } from "@effect/vitest"
import type * as Schema from "effect/Schema"
import type { AnalyticsGet, AnalyticsQueryResult } from "../src/Analytics.js"
import type { AssistantsCreate, CreateAssistantDTO, CreateAssistantDTOEncoded } from "../src/Assistants.js"
import type { Call, CallEncoded, CallsGet, CallsList, CallsListParams, CallsListParamsEncoded } from "../src/Calls.js"
import type * as Fallback from "../src/Fallback.js"
import type { PhoneNumber, PhoneNumbersList } from "../src/PhoneNumbers.js"

// Checked by `pnpm check` (tsc): the descriptors' schemas have the named types users see in hovers.
describe("types", () => {
  it("descriptors carry the named types", () => {
    expectTypeOf<Schema.Schema.Type<typeof CallsGet.success>>().toEqualTypeOf<Call>()
    expectTypeOf<Schema.Schema.Encoded<typeof CallsGet.success>>().toEqualTypeOf<CallEncoded>()
    expectTypeOf<Schema.Schema.Type<typeof CallsList.success>>().toEqualTypeOf<ReadonlyArray<Call>>()
    expectTypeOf<Schema.Schema.Type<typeof CallsList.query>>().toEqualTypeOf<CallsListParams>()
    expectTypeOf<Schema.Schema.Encoded<typeof CallsList.query>>().toEqualTypeOf<CallsListParamsEncoded>()
    expectTypeOf<Schema.Schema.Type<typeof AssistantsCreate.body>>().toEqualTypeOf<CreateAssistantDTO>()
    expectTypeOf<Schema.Schema.Encoded<typeof AssistantsCreate.body>>().toEqualTypeOf<CreateAssistantDTOEncoded>()
    expectTypeOf<Schema.Schema.Type<typeof PhoneNumbersList.success>>().toEqualTypeOf<ReadonlyArray<PhoneNumber>>()
    expectTypeOf<Schema.Schema.Type<typeof AnalyticsGet.success>>().toEqualTypeOf<ReadonlyArray<AnalyticsQueryResult>>()
    expectTypeOf<typeof CallsGet.query>().toEqualTypeOf<undefined>()
  })

  it("query parameters take dates and numbers, and encode to strings", () => {
    expectTypeOf<CallsListParams["createdAtGt"]>().toEqualTypeOf<Date | undefined>()
    expectTypeOf<CallsListParams["limit"]>().toEqualTypeOf<number | undefined>()
    expectTypeOf<CallsListParamsEncoded["limit"]>().toEqualTypeOf<string | undefined>()
  })

  it("response types admit the fallbacks", () => {
    expectTypeOf<Fallback.UnknownEnum>().toMatchTypeOf<NonNullable<Call["status"]>>()
    expectTypeOf<Fallback.UnknownMember>().toMatchTypeOf<PhoneNumber>()
    expectTypeOf<Call["createdAt"]>().toEqualTypeOf<Date>()
    expectTypeOf<CallEncoded["createdAt"]>().toEqualTypeOf<string>()
  })
})
