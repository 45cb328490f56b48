import { assert, describe, it } from "@effect/vitest"
import * as Fallback from "@vapi-effect/schema/Fallback"
import * as PhoneNumberSchemas from "@vapi-effect/schema/PhoneNumbers"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import * as Stream from "effect/Stream"
import * as PhoneNumbers from "../src/PhoneNumbers.js"
import * as Clients from "./utils/clients.js"
import * as Wire from "./utils/wire.js"

const decodePhoneNumber = Schema.decodeUnknownSync(PhoneNumberSchemas.PhoneNumber)

const providerOf = (phoneNumber: PhoneNumbers.PhoneNumber): string | undefined =>
  Fallback.isUnknownMember(phoneNumber) ? phoneNumber.tag : phoneNumber.provider

const createBodies: ReadonlyArray<PhoneNumbers.CreatePhoneNumber> = [
  { provider: "byo-phone-number", credentialId: "cred_1", number: "+15550101", name: "byo" },
  { provider: "twilio", number: "+15550102", twilioAccountSid: "AC123", twilioAuthToken: "token" },
  { provider: "vonage", number: "+15550103", credentialId: "cred_2" },
  { provider: "vapi", sipUri: "sip:support@example.sip.vapi.ai" }
]

for (const [name, http] of Clients.all) {
  describe(`PhoneNumbers over ${name}`, () => {
    it.live("list sends limit and the date range by their wire names and decodes every provider", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const byo = yield* server.store.create("phoneNumbers", { provider: "byo-phone-number", credentialId: "cred_1" })
        const vapi = yield* server.store.create("phoneNumbers", { provider: "vapi", sipUri: "sip:a@example.com" })
        const phoneNumbers = yield* PhoneNumbers.PhoneNumbers
        const listed = yield* phoneNumbers.list({ limit: 2, updatedAtGe: new Date("2024-10-23T00:00:00.000Z") })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("GET", "/phone-number", { query: "limit=2&updatedAtGe=2024-10-23T00%3A00%3A00.000Z" })
        )
        assert.sameDeepMembers([...listed], [decodePhoneNumber(byo), decodePhoneNumber(vapi)])
        assert.sameMembers(listed.map(providerOf), ["byo-phone-number", "vapi"])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("create takes each of the four create shapes and returns the matching member", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const phoneNumbers = yield* PhoneNumbers.PhoneNumbers
        for (const body of createBodies) {
          const created = yield* phoneNumbers.create(body)
          assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("POST", "/phone-number", { body }))
          assert.strictEqual(providerOf(created), body.provider)
          assert.isFalse(Fallback.isUnknownMember(created))
          if (Fallback.isUnknownMember(created)) continue
          assert.deepStrictEqual(created, decodePhoneNumber(yield* server.store.get("phoneNumbers", created.id)))
        }
        const twilio = (yield* server.store.snapshot).phoneNumbers[1]!
        const fetched = yield* phoneNumbers.get(twilio.id)
        yield* Wire.single
        assert.isTrue(!Fallback.isUnknownMember(fetched) && fetched.provider === "twilio" &&
          fetched.twilioAccountSid === "AC123")
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("get, update and delete address the phone number by id", () =>
      Effect.gen(function*() {
        const { server } = yield* Wire.Wire
        const stored = yield* server.store.create("phoneNumbers", { provider: "vapi", sipUri: "sip:a@example.com" })
        const phoneNumbers = yield* PhoneNumbers.PhoneNumbers

        assert.deepStrictEqual(yield* phoneNumbers.get(stored.id), decodePhoneNumber(stored))
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("GET", `/phone-number/${stored.id}`))

        const updated = yield* phoneNumbers.update(stored.id, { name: "Front desk" })
        assert.deepStrictEqual(
          Wire.summary(yield* Wire.single),
          Wire.expected("PATCH", `/phone-number/${stored.id}`, { body: { name: "Front desk" } })
        )
        assert.isTrue(!Fallback.isUnknownMember(updated) && updated.provider === "vapi" && updated.name === "Front desk")

        const deleted = yield* phoneNumbers.delete(stored.id)
        assert.deepStrictEqual(Wire.summary(yield* Wire.single), Wire.expected("DELETE", `/phone-number/${stored.id}`))
        assert.deepStrictEqual(deleted, updated)
        assert.deepStrictEqual((yield* server.store.snapshot).phoneNumbers, [])
      }).pipe(Effect.provide(Wire.services(http))))

    it.live("a provider the document does not know decodes to an UnknownMember, and still streams in order", () =>
      Effect.gen(function*() {
        const phoneNumbers = yield* PhoneNumbers.PhoneNumbers
        const streamed = yield* Stream.runCollect(phoneNumbers.stream({ limit: 2 }))
        const items = Chunk.toReadonlyArray(streamed)
        assert.deepStrictEqual(items.map(providerOf), ["vapi", "new-provider", "new-provider", "twilio"])
        const unknown = items[1]!
        assert.isTrue(Fallback.isUnknownMember(unknown))
        assert.deepStrictEqual(
          Fallback.isUnknownMember(unknown) ? unknown.raw.number : undefined,
          "+15550199"
        )
        const requests = yield* Effect.flatMap(Wire.Wire, (wire) => wire.requests)
        assert.deepStrictEqual(requests.map((request) => request.query), [
          "limit=2",
          "limit=3&createdAtLe=2024-10-02T00%3A00%3A00.000Z",
          "limit=3&createdAtLe=2024-10-01T00%3A00%3A00.000Z"
        ])
      }).pipe(Effect.provide(Wire.services(http, {
        fixtures: {
          phoneNumbers: [
            { id: "pn_4", provider: "twilio", number: "+15550104", twilioAccountSid: "AC1", twilioAuthToken: "t", createdAt: "2024-10-01T00:00:00.000Z" },
            { id: "pn_3", provider: "new-provider", number: "+15550198", createdAt: "2024-10-02T00:00:00.000Z" },
            { id: "pn_2", provider: "new-provider", number: "+15550199", createdAt: "2024-10-02T00:00:00.000Z" },
            { id: "pn_1", provider: "vapi", sipUri: "sip:a@example.com", createdAt: "2024-10-03T00:00:00.000Z" }
          ]
        }
      }))))
  })
}
