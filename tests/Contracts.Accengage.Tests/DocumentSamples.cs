namespace Contracts.Accengage.Tests;

/// <summary>The JSON bodies the Accengage API (v1) documentation prints, as printed.</summary>
internal static class DocumentSamples
{
    /// <summary>GET /v1/me/apps/:myPartnerId/alarms/123456, 200: the scheduled alarm example, verbatim.</summary>
    public const string Alarm = """
        {
          "id": 12345,
          "name": "My Alarm",
          "messages": [{
            "title": "My message title",
            "sound": {
              "sound": "default"
            },
            "openRichPushIn": "webview",
            "delayTimerForAppliOff": true,
            "text": "Here you go",
            "clickCustomParams": {
                "Key1": "Value1"
            },
            "displayCustomParams": {
              "Key2": "Value2"
            }
          }],
          "triggers": {
            "displayCapping": 30,
            "globalClickCapping": 0,
            "sessionClickCapping": 0,
            "priority": 3,
            "cappingDelay": 0,
            "offlineDisplay": false,
            "geolocations": {},
            "beacons": {},
            "usePressure": false,
            "useDelay": false,
            "timer": {
              "duration": 0,
              "type": "lifetime"
            },
            "events": {
              "displayOnceByEvent": true
            },
            "views": {},
            "states": {
              "allStatesActive": true,
              "inclusion": [{
                "name": "myState",
                "contains": "BlueSky"
              }]
            }
          },
          "segments": {},
          "settings": {
            "programmation": {
              "useLocalDate": false,
              "type": "timer",
              "duration": 518400
            },
            "exclusionRanges": []
          },
          "isActive": false
        }
        """;

    /// <summary>
    /// GET /v1/me/apps/:myPartnerId/alarms/123458, 404. The document's text lost the colons after the keys
    /// (<c>"label""API_ERR_DATA"</c>), an artefact of its extraction; they are restored here, nothing else changed.
    /// </summary>
    public const string AlarmNotFound = """
        {
          "errors": [
            {
              "label": "API_ERR_DATA",
              "message": "Type, application and message ID mismatch"
            }
          ]
        }
        """;

    /// <summary>POST /v1/access_token, 200 (field names from the document's prose: token_type and access_token).</summary>
    public const string AccessToken = """{"token_type":"Bearer","access_token":"12345678"}""";
}
