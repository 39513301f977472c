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
        cast(id as text) as user_id,
        cast(received_at as timestamptz) as received_at_tstamp,
        cast(email as text) as email,
        cast(first_name as text) as first_name,
        cast(loyalty_member as boolean) as loyalty_member,
        cast('identify' as text) as call_type,
        cast('jaffle_shop' as text) as source_schema,
        cast('users' as text) as source_table,
        cast('jaffle_shop/Identify/1-0.json' as text) as schema_id
    from source
)

select * from renamed
