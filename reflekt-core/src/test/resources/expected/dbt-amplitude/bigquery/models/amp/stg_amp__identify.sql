{{
  config(
    materialized = 'view'
  )
}}

with

events as (
    select *
    from {{ source('amp', 'events_123456') }}
    where server_upload_time < '2030-01-01'
),

renamed as (
    select
        cast(e.uuid as string) as uuid,
        cast(e.event_time as timestamp) as event_time,
        cast(e.server_upload_time as timestamp) as server_upload_time,
        cast(e.client_event_time as timestamp) as client_event_time,
        cast(e.event_type as string) as event_type,
        cast(e.user_id as string) as user_id,
        cast(e.device_id as string) as device_id,
        cast(e.amplitude_id as int64) as amplitude_id,
        cast(e.session_id as int64) as session_id,
        cast(e.platform as string) as platform,
        cast(e.os_name as string) as os_name,
        cast(e.version_name as string) as version_name,
        cast(e.country as string) as country,
        cast(e.library as string) as library,
        cast(json_value(parse_json(e.user_properties)['plan']) as string) as plan,
        cast(json_value(parse_json(e.user_properties)['seats']) as int64) as seats,
        cast('amp' as string) as source_schema,
        cast('events_123456' as string) as source_table,
        cast('shop/Identify/1-0.json' as string) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as string) as schema_metadata
    from events as e
    where e.event_type = '$identify'
)

select * from renamed
