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
        cast(e.uuid as varchar) as uuid,
        cast(e.event_time as timestamp) as event_time,
        cast(e.server_upload_time as timestamp) as server_upload_time,
        cast(e.client_event_time as timestamp) as client_event_time,
        cast(e.event_type as varchar) as event_type,
        cast(e.user_id as varchar) as user_id,
        cast(e.device_id as varchar) as device_id,
        cast(e.amplitude_id as bigint) as amplitude_id,
        cast(e.session_id as bigint) as session_id,
        cast(e.platform as varchar) as platform,
        cast(e.os_name as varchar) as os_name,
        cast(e.version_name as varchar) as version_name,
        cast(e.country as varchar) as country,
        cast(e.library as varchar) as library,
        cast(json_extract_string(e.user_properties, '/plan') as varchar) as plan,
        cast(json_extract_string(e.user_properties, '/seats') as bigint) as seats,
        cast('amp' as varchar) as source_schema,
        cast('events_123456' as varchar) as source_table,
        cast('shop/Identify/1-0.json' as varchar) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar) as schema_metadata
    from events as e
    where e.event_type = '$identify'
)

select * from renamed
