{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'identifies') }}
    where received_at < '2030-01-01'
),

renamed as (
    select
        cast(id as text) as identify_id,
        cast(original_timestamp as timestamptz) as original_tstamp,
        cast(sent_at as timestamptz) as sent_at_tstamp,
        cast(received_at as timestamptz) as received_at_tstamp,
        cast(timestamp as timestamptz) as tstamp,
        cast(anonymous_id as text) as anonymous_id,
        cast(user_id as text) as user_id,
        cast(channel as text) as channel,
        cast(context_library_name as text) as library_name,
        cast(context_library_version as text) as library_version,
        cast(uuid_ts as timestamptz) as uuid_ts,
        cast(email as text) as email,
        cast(first_name as text) as first_name,
        cast('identify' as text) as call_type,
        cast('rudder' as text) as source_schema,
        cast('identifies' as text) as source_table,
        cast('shop/Identify/1-0.json' as text) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as text) as schema_metadata
    from source
)

select * from renamed
