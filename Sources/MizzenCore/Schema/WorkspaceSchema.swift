/// The JSON Schema (draft 2020-12) of the workspace file, printed by `mizzen schema`.
///
/// It covers structure and enumerations, and the rules that concern one object alone (a
/// capture's variable and key, a channel's group id). Rules across records — codes that
/// exist and are unique, the one marketing preference identity, names of at most 200
/// characters (JSON Schema counts code points, not characters) — stay in
/// `WorkspaceValidator`. Unknown members are not part of the format, so the schema rejects
/// them (they catch typos); the program carries them over when it saves, and
/// `WorkspaceValidator` reports each as a `key.unknown` warning.
public enum WorkspaceSchema {
  /// The schema as pretty-printed JSON text ending in a newline.
  public static let text: String = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "urn:mizzen:workspace:1",
      "title": "Mizzen workspace",
      "description": "A Mizzen workspace file (format mizzen.workspace, version 1): Braze connections, identity spaces, properties and subscription topics. Run `mizzen validate` for the rules across records.",
      "type": "object",
      "required": ["format", "version", "name", "connections", "identitySpaces", "properties", "topics"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": "mizzen.workspace" },
        "version": { "const": 1 },
        "name": { "$ref": "#/$defs/name" },
        "connections": { "type": "array", "items": { "$ref": "#/$defs/connection" } },
        "identitySpaces": { "type": "array", "items": { "$ref": "#/$defs/identitySpace" } },
        "properties": { "type": "array", "items": { "$ref": "#/$defs/property" } },
        "topics": { "type": "array", "items": { "$ref": "#/$defs/topic" } }
      },
      "$defs": {
        "code": {
          "description": "Lower-case letters, digits and _, starting with a letter; unique within its kind.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9_]{0,63}$"
        },
        "name": {
          "description": "Free Unicode text of 1 to 200 characters, without control characters.",
          "type": "string",
          "minLength": 1,
          "pattern": "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
        },
        "connection": {
          "type": "object",
          "required": ["code", "name", "endpoint", "apiKey", "identityMapping"],
          "additionalProperties": false,
          "properties": {
            "code": { "$ref": "#/$defs/code" },
            "name": { "$ref": "#/$defs/name" },
            "endpoint": {
              "description": "Braze REST endpoint, e.g. https://rest.iad-01.braze.com; plain http only for a loopback host.",
              "type": "string",
              "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+"
            },
            "apiKey": { "$ref": "#/$defs/apiKey" },
            "identityMapping": {
              "type": "array",
              "minItems": 1,
              "items": { "$ref": "#/$defs/identityMapping" }
            }
          }
        },
        "apiKey": {
          "description": "Where the REST API key comes from: an environment variable (recommended) or the file itself.",
          "oneOf": [
            {
              "type": "object",
              "required": ["env"],
              "additionalProperties": false,
              "properties": {
                "env": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }
              }
            },
            {
              "type": "object",
              "required": ["value"],
              "additionalProperties": false,
              "properties": {
                "value": { "type": "string", "minLength": 1 }
              }
            }
          ]
        },
        "identityMapping": {
          "type": "object",
          "required": ["identitySpace", "brazeField"],
          "additionalProperties": false,
          "properties": {
            "identitySpace": { "$ref": "#/$defs/code" },
            "brazeField": { "enum": ["external_id", "email", "phone"] }
          }
        },
        "identitySpace": {
          "type": "object",
          "required": ["code", "name", "valueType"],
          "additionalProperties": false,
          "properties": {
            "code": { "$ref": "#/$defs/code" },
            "name": { "$ref": "#/$defs/name" },
            "valueType": { "enum": ["email", "phone", "id"] },
            "marketingPreference": {
              "description": "True for the one marketing preference identity; written only when true.",
              "type": "boolean"
            }
          }
        },
        "property": {
          "type": "object",
          "required": ["code", "name"],
          "additionalProperties": false,
          "properties": {
            "code": { "$ref": "#/$defs/code" },
            "name": { "$ref": "#/$defs/name" },
            "platform": { "type": "string" },
            "identities": { "type": "array", "items": { "$ref": "#/$defs/identityCapture" } }
          }
        },
        "identityCapture": {
          "type": "object",
          "required": ["identitySpace", "type", "format"],
          "additionalProperties": false,
          "properties": {
            "identitySpace": { "$ref": "#/$defs/code" },
            "type": {
              "enum": ["dataLayer", "window", "cookie", "managedCookie", "localStorage", "sessionStorage", "queryString"]
            },
            "variable": { "type": "string" },
            "format": { "enum": ["string", "json", "jwt", "query", "semicolon"] },
            "key": { "type": "string" },
            "encoding": { "enum": ["none", "base64"] }
          },
          "allOf": [
            {
              "if": { "not": { "properties": { "type": { "const": "managedCookie" } } } },
              "then": { "required": ["variable"], "properties": { "variable": { "minLength": 1 } } }
            },
            {
              "if": { "properties": { "format": { "enum": ["json", "jwt", "query", "semicolon"] } } },
              "then": { "required": ["key"], "properties": { "key": { "minLength": 1 } } }
            }
          ]
        },
        "topic": {
          "type": "object",
          "required": ["code", "name"],
          "additionalProperties": false,
          "properties": {
            "code": { "$ref": "#/$defs/code" },
            "name": { "$ref": "#/$defs/name" },
            "description": { "type": "string" },
            "legalBasis": {
              "description": "A Ketch legal-basis code such as consent_optin.",
              "type": "string"
            },
            "channels": { "type": "array", "items": { "$ref": "#/$defs/topicChannel" } }
          }
        },
        "topicChannel": {
          "type": "object",
          "required": ["channel", "connection"],
          "additionalProperties": false,
          "properties": {
            "channel": { "enum": ["email", "sms", "whatsapp", "push"] },
            "connection": { "$ref": "#/$defs/code" },
            "subscriptionGroupId": {
              "description": "The Braze subscription group id (a UUID); push has none.",
              "type": "string",
              "minLength": 1
            },
            "doubleOptIn": {
              "description": "SMS and WhatsApp: a subscribe sends use_double_opt_in_logic: true; written only when true.",
              "type": "boolean"
            },
            "updateExistingOnly": {
              "description": "Push: /users/track carries _update_existing_only: true, so no profile is created; written only when true.",
              "type": "boolean"
            }
          },
          "if": { "properties": { "channel": { "enum": ["email", "sms", "whatsapp"] } } },
          "then": { "required": ["subscriptionGroupId"] }
        }
      }
    }

    """#
}
