{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'tracks') }}
),

renamed as (
    select
        id as event_id,
        event_text as event_name,
        original_timestamp as original_tstamp,
        sent_at as sent_at_tstamp,
        received_at as received_at_tstamp,
        "timestamp" as tstamp,
        anonymous_id,
        user_id,
        context_library_name as library_name,
        context_library_version as library_version,
        'track'::varchar as call_type,
        'jaffle_shop'::varchar as source_schema,
        'tracks'::varchar as source_table,
        cast(null as varchar) as schema_id
    from source
)

select * from renamed
