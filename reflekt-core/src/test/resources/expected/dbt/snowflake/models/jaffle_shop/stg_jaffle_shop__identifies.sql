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
        id as identify_id,
        original_timestamp as original_tstamp,
        sent_at as sent_at_tstamp,
        received_at as received_at_tstamp,
        timestamp as tstamp,
        anonymous_id,
        user_id,
        context_library_name as library_name,
        context_library_version as library_version,
        email,
        first_name,
        loyalty_member,
        'identify'::varchar as call_type,
        'jaffle_shop'::varchar as source_schema,
        'identifies'::varchar as source_table,
        'jaffle_shop/Identify/1-0.json'::varchar as schema_id,
        '{"code_owner": "web", "product_owner": "growth"}'::varchar as schema_metadata
    from source
)

select * from renamed
