namespace Contracts.Engage.Tests;

/// <summary>Response bodies exactly as printed in the ENGAGE Federated Batch Push guide (First Orion).</summary>
internal static class DocumentSamples
{
    public const string TokenSuccess = """
        {
        "accessToken": "eyJraWQiOiJzVkM5eXczZ2Vtckwzb2ZpbXZCM1BSWGNWc1JhcXJsR0lQSWN0TDhUcXBrPSIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJrdjQ4NmhxYWxsYml2c2t2NnE2M3Zhc2NwIiwidG9rZW5fdXNlIjoiYWNjZXNzIiwic2NvcGUiOiJjb20uZmlyc3Rvcmlvbi5lbmdhZ2UuZmVkZXJhdGlvblwvZmVkZXJhdGVkaW5mb3JtIiwiYXV0aF90aW1lIjoxNTYwMzUyNDc1LCJpc3MiOiJodHRwczpcL1wvY29nbml0by1pZHAudXMtZWFzdC0xLmFtYXpvbmF3cy5jb21cL3VzLWVhc3QtMV80WlZGZDBKbXEiLCJleHAiOjE1NjAzNTYwNzUsImlhdCI6MTU2MDM1MjQ3NSwidmVyc2lvbiI6MiwianRpIjoiNzRiZTczOTktZTZmYi00Njk4LWIwMzUtMjdkMzE0YTI4MTdmIiwiY2xpZW50X2lkIjoia3Y0ODZocWFsbGJpdnNrdjZxNjN2YXNjcCJ9.Od3JH7qUV15B7LisXP6oj6elwRn8omZJJbmtWu-X9tVHN9P846nVRQSaWyOqt6a91afdkd5sM7Hs4UoNeWqcIvAio93lAesSEEYxDQrHsi4LpxQ_Fb4nF_9Mk_kPrgfnqmSdRzWhRrkdLhuvrAvbFL6wm14TSKeHX-mYVBe4LqnYA8Ok297YYSVLgBk4lUw1Vb2brUWwpT71ddLE0nUE7rNL69HE1qX9N5zc3uzpsVdU8IqscyZFbwZOCfRaTX7MYAtzj9mFxyumYKVRM5lZcn87i4RETjh4pTtj-8I4l3TrNyu4MGO7EpslgmnPvk04liV6s77JMh3fe1Q3wQNzdQ",
        "message": "Success",
        "errorCode": 0,
        "requestId": "12ab005b-1522-406b-82c9-a2ab9a1ff49d"
        }
        """;

    public const string TokenFailure = """
        {
        "accessToken": null,
        "message": "Failed to grant access token",
        "errorCode": 500,
        "requestId": "5cf3ad7e-0428-491f-a85f-c444487d1523"
        }
        """;

    public const string TokenHealthy = """
        {
        "accessToken": null,
        "message": "Healthy",
        "errorCode": "",
        "requestId": "5c79f9a0-447e-4093-87d8-05bdd25e9200"
        }
        """;

    public const string PushSuccess = """
        {
        "response": "success",
        "message": null,
        "errorCode": "",
        "requestId": "329f83c4-38ca-4760-a18a-3fb44962c536"
        }
        """;

    public const string PushANumbersNotAllowed = """
        {
        "response": "Not allowed to use one or more anumbers.",
        "message": "Batch push could not complete push successfully.",
        "errorCode": 200,
        "requestId": "51934465-cc14-4e68-97a0-af7d6faf9f55"
        }
        """;

    public const string PushInvalidProgram = """
        {
        "response": "Invalid program setup on this program",
        "message": "Batch push could not complete push successfully.",
        "errorCode": 400,
        "requestId": "e9a76f6b-b921-4ffa-b6f2-1a29334073c4"
        }
        """;

    public const string PushMissingANumbers = """
        {
        "response": "Must send aNumbers or a valid ANumberGroupId",
        "message": "Batch could not complete push successfully.",
        "errorCode": 400,
        "requestId": "04707ac5-36e1-42f1-b747-355fad2d772b"
        }
        """;
}
