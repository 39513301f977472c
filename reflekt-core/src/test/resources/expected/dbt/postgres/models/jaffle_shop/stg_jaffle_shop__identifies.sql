{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'identifies') }}
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
        cast(context_library_name as text) as library_name,
        cast(context_library_version as text) as library_version,
        cast(email as text) as email,
        cast(first_name as text) as first_name,
        cast(loyalty_member as boolean) as loyalty_member,
        cast('identify' as text) as call_type,
        cast('jaffle_shop' as text) as source_schema,
        cast('identifies' as text) as source_table,
        cast('jaffle_shop/Identify/1-0.json' as text) as schema_id,
        cast('{"code_owner": "web", "product_owner": "growth"}' as text) as schema_metadata
    from source
)

select * from renamed
