{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('jaffle_shop', 'users') }}
),

renamed as (
    select
        id as user_id,
        received_at as received_at_tstamp,
        email,
        first_name,
        loyalty_member,
        'identify'::varchar as call_type,
        'jaffle_shop'::varchar as source_schema,
        'users'::varchar as source_table,
        'jaffle_shop/Identify/1-0.json'::varchar as schema_id
    from source
)

select * from renamed
